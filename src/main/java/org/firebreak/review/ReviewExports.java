package org.firebreak.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.firebreak.incident.IncidentId;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A review as a document: the review page's XHTML (template {@code review/document}), a PDF rendered from exactly
 * that page by openhtmltopdf with the DejaVu Sans shipped in the jar (so arrows and accents print the same on every
 * host), and Markdown with the same content.
 */
@Service
public class ReviewExports {

    static final String TEMPLATE = "review/document";
    private static final String FONT = "DejaVu Sans";
    private static final byte[] REGULAR = bytes("DejaVuSans.ttf");
    private static final byte[] BOLD = bytes("DejaVuSans-Bold.ttf");

    private final ReviewApi reviews;
    private final ITemplateEngine templates;

    ReviewExports(ReviewApi reviews, ITemplateEngine templates) {
        this.reviews = reviews;
        this.templates = templates;
    }

    /** The document model the review page renders. */
    public Map<String, Object> model(IncidentId id) {
        return Map.of("d", ReviewDocument.of(reviews.get(id)));
    }

    public String html(IncidentId id) {
        return templates.process(TEMPLATE, new Context(Locale.ROOT, model(id)));
    }

    public String markdown(IncidentId id) {
        return MarkdownReview.render(ReviewDocument.of(reviews.get(id)));
    }

    public byte[] pdf(IncidentId id) {
        return pdf(html(id));
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(font(document, REGULAR)), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(font(document, BOLD)), FONT, 700, FontStyle.NORMAL, true);
            builder.withProducer("Firebreak");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the review as PDF failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The font without its glyph substitutions: PDFBox would otherwise set "fi" as one ligature glyph, and a reader
     * searching the PDF for "profile" would not find it.
     */
    private static PDFont font(PDDocument document, byte[] ttf) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        font.setEnableGsub(false);
        return PDType0Font.load(document, font, true);
    }

    private static byte[] bytes(String file) {
        try (InputStream in = ReviewExports.class.getResourceAsStream("/firebreak/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font firebreak/fonts/" + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
