package org.firebreak.statuspage.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.firebreak.statuspage.StatusSummary;
import org.firebreak.statuspage.StatusSummary.IncidentEntry;

/** The incidents of the status page as an Atom 1.0 feed (RFC 4287), newest first, as Statuspage's history.atom. */
final class AtomFeed {

    private static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String render(StatusSummary s) {
        List<IncidentEntry> entries = new ArrayList<>(s.active());
        entries.addAll(s.history());
        entries.sort(Comparator.comparing(IncidentEntry::updatedAt).reversed());
        Instant updated = entries.isEmpty() ? s.updatedAt() : entries.getFirst().updatedAt();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", "tag:firebreak," + s.url() + ":history");
            text(xml, "title", s.name() + " status, incident history");
            text(xml, "updated", updated.toString());
            link(xml, s.url(), "alternate");
            link(xml, s.url() + "/history.atom", "self");
            for (IncidentEntry e : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", "tag:firebreak," + s.url() + ":incident:" + e.id());
                text(xml, "title", e.name());
                text(xml, "published", e.startedAt().toString());
                text(xml, "updated", e.updatedAt().toString());
                link(xml, s.url() + "#" + e.id(), "alternate");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(content(e));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static String content(IncidentEntry e) {
        StringBuilder text = new StringBuilder(e.status() + " (impact " + e.impact() + ")");
        for (StatusSummary.Update u : e.updates()) {
            text.append("\n").append(u.at()).append(" ").append(u.status()).append(": ").append(u.body());
        }
        return text.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
