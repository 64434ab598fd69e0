package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.Settle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The review as PDF (read back with pdftotext), Markdown, the page's XHTML and the JSON archive. */
@FirebreakIntegrationTest
class ReviewExportTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    ReviewExports exports;

    HttpApi api;
    ReviewFixture fixture;

    @BeforeEach
    void client() {
        api = new HttpApi(port).as("carol");
        fixture = new ReviewFixture(api);
    }

    /** An incident with a worked checklist, notes with long hashes and arrows, resolved, its review written. */
    private String reviewedIncident(String title) {
        String id = fixture.openCritical(title);
        fixture.status(id, "ACKNOWLEDGED");
        api.post("/api/v1/incidents/" + id + "/checklist/2/complete",
                "{\"note\": \"every redemption since block 1,204 reverts with InvalidDelegate()\"}");
        api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"Disabled delegation 0x8f3c1b2a9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b in tx 0x1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d\"}");
        api.post("/api/v1/incidents/" + id + "/checklist/1/skip", "{\"reason\": \"a pause would also stop the healthy delegations\"}");
        fixture.status(id, "MITIGATED");
        fixture.status(id, "RESOLVED");
        fixture.startReview(id);
        fixture.complete(id);
        // The exports are compared with the timeline read after them: let the checks and deliveries land first.
        Settle.settle(incidents, IncidentId.parse(id));
        return id;
    }

    @Test
    void thePdfOpensWithPdftotextAndHasTheTitleTheRcaAndEveryTimelineEntry() throws Exception {
        String id = reviewedIncident("Redemptions revert after an enforcer change");
        Response pdf = api.get("/api/v1/incidents/" + id + "/review/export.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        // The HTTP helper reads bodies as text; the bytes themselves come from the same export the endpoint serves.
        byte[] bytes = exports.pdf(IncidentId.parse(id));
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        java.nio.file.Files.write(java.nio.file.Path.of("target/review-sample.pdf"), bytes); // to look at: pdftoppm

        String text = PdfText.of(bytes);
        System.out.println("PDF text read with " + (PdfText.pdftotextInstalled() ? "pdftotext" : "PDFBox") + ": "
                + text.length() + " characters");
        String squeezed = PdfText.squeezed(text);
        assertThat(squeezed).contains(PdfText.squeezed("Post-incident review: " + id
                + " Redemptions revert after an enforcer change"));
        assertThat(squeezed).contains(PdfText.squeezed(ReviewFixture.SUMMARY));
        assertThat(squeezed).contains(PdfText.squeezed("The enforcer's terms were changed without a staged rollout"))
                .contains(PdfText.squeezed("InvalidDelegate() from the DelegationManager"))
                .contains(PdfText.squeezed("Alert on the redemption failure ratio"))
                .contains(PdfText.squeezed("Detect → acknowledge"));
        List<String> entries = timelineTexts(id);
        assertThat(entries).hasSizeGreaterThan(8).anyMatch(e -> e.contains("→"));
        for (String entry : entries) {
            assertThat(squeezed).as("timeline entry '%s'", entry).contains(PdfText.squeezed(entry));
        }
        assertThat(squeezed).contains(PdfText.squeezed("Context: The first report came from a dApp's support desk"));
    }

    @Test
    void theMarkdownHasTheSameContentAsThePdf() {
        String id = reviewedIncident("Delegation expiry misread");
        Response md = api.get("/api/v1/incidents/" + id + "/review/export.md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        String markdown = md.body();
        assertThat(markdown).startsWith("# Post-incident review: " + id + " Delegation expiry misread\n");
        assertThat(markdown).contains("## Root cause analysis\n\n" + MarkdownReview.text(ReviewFixture.SUMMARY) + "\n")
                .contains("- The enforcer's terms were changed without a staged rollout")
                .contains("1. Why did redemptions revert? Because InvalidDelegate() from the DelegationManager")
                .contains("| #", "| Alert on the redemption failure ratio | bob | 2026-12-15 | HIGH | OPEN |")
                .contains("- Detect → acknowledge: ")
                .contains("_Context: The first report came from a dApp's support desk_");
        for (String entry : timelineTexts(id)) {
            assertThat(markdown).as("timeline entry '%s'", entry)
                    .contains("\n  " + MarkdownReview.text(entry).replace("\n", "\n  ") + "\n");
        }
    }

    /** Markup a hostile or careless person could type, or an alert's labels could carry. */
    private static final String HOSTILE = "<script>alert(1)</script> [open](javascript:alert(2)) <!-- hidden -->"
            + " <img src=x onerror=alert(3)> <javascript:alert(4)>";

    /**
     * Every field of a review written with markup, on an incident an alert with markup in its labels opened: the
     * Markdown and HTML exports print it as text, with nothing a renderer would run or follow.
     */
    @Test
    void hostileTextInEveryFieldIsPrintedNotRun() throws Exception {
        String h = HOSTILE.replace("\"", "\\\"");
        String alertname = "Storm<script>x</script>" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Response alerted = new HttpApi(port).postBearer("/api/v1/integrations/alertmanager/alertmanager",
                "devnet-alertmanager-secret", """
                {"version": "4", "status": "firing", "receiver": "firebreak", "groupKey": "{}:{alertname=\\"%1$s\\"}",
                 "groupLabels": {"alertname": "%1$s"}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "",
                 "alerts": [{"status": "firing", "labels": {"alertname": "%1$s", "severity": "critical",
                   "instance": "%2$s"}, "annotations": {"summary": "%2$s", "description": "%2$s"},
                   "startsAt": "2026-12-05T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "%3$s"}]}"""
                .formatted(alertname.replace("\"", "\\\""), h, "hostile-" + alertname.hashCode()));
        assertThat(alerted.status()).as(alerted.body()).isEqualTo(200);
        String id = api.get("/api/v1/integrations/alertmanager/alerts/hostile-" + alertname.hashCode()).json()
                .get("incident").asString();

        assertThat(api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"" + h + "\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/incidents/" + id + "/responders", "{\"name\": \"eve<script>\"}").status())
                .isEqualTo(200);
        fixture.status(id, "ACKNOWLEDGED");
        fixture.status(id, "MITIGATED");
        fixture.status(id, "RESOLVED");
        fixture.startReview(id);
        Response edited = fixture.edit(id, """
                {"summary": "%1$s", "contributingFactors": ["%1$s"], "fiveWhys": [{"why": "%1$s", "because": "%1$s"}],
                 "impactNotes": "%1$s", "wentWell": ["%1$s"], "wentBadly": ["%1$s"], "lucky": ["%1$s"]}""".formatted(h));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(fixture.mark(id, 1, "{\"key\": true, \"context\": \"" + h + "\"}").status()).isEqualTo(200);
        Response item = fixture.addActionItem(id, """
                {"title": "%1$s", "owner": "mallory<script>", "dueOn": "2026-12-15", "priority": "HIGH"}""".formatted(h));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        Settle.settle(incidents, IncidentId.parse(id));

        String markdown = api.get("/api/v1/incidents/" + id + "/review/export.md").body();
        assertThat(markdown).as("the hostile text made it into the export, escaped")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Storm&lt;script&gt;x")
                .contains("mallory&lt;script&gt;").contains("eve&lt;script&gt;");
        assertThat(markdown).doesNotContain("<script", "<img", "<!--", "<javascript:");
        assertThat(markdown).as("the link's brackets are escaped").contains("\\[open\\](javascript:alert(2))");
        assertThat(java.util.regex.Pattern.compile("(?<!\\\\)\\[open").matcher(markdown).find())
                .as("no unescaped bracket opens a link").isFalse();

        String html = api.get("/api/v1/incidents/" + id + "/review/export.html").body();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script", "<img", "<!-- hidden", "href=\"javascript:");
        String pdfText = PdfText.of(exports.pdf(IncidentId.parse(id)));
        assertThat(PdfText.squeezed(pdfText)).as("the PDF prints the markup as text")
                .contains(PdfText.squeezed("<script>alert(1)</script>"));
    }

    @Test
    void theReviewPageIsWellFormedXhtmlWithAPhaseChart() throws Exception {
        String id = reviewedIncident("Gas spike");
        Response page = api.get("/reviews/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).isEqualTo(api.get("/api/v1/incidents/" + id + "/review/export.html").body());
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
        var cells = ((org.w3c.dom.Element) document.getElementsByTagName("table").item(1)).getElementsByTagName("td");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            classes.add(((org.w3c.dom.Element) cells.item(i)).getAttribute("class"));
            assertThat(((org.w3c.dom.Element) cells.item(i)).getAttribute("style")).matches("width: [0-9.]+%");
        }
        assertThat(classes).containsExactly("acknowledge", "mitigate", "resolve");
    }

    @Test
    void theArchiveIsTheWholeIncidentWithChecklistFindingsTimelineAndReview() {
        String id = reviewedIncident("Archive me");
        Response archive = api.get("/api/v1/incidents/" + id + "/review/archive");
        assertThat(archive.status()).isEqualTo(200);
        JsonNode json = archive.json();
        assertThat(json.get("format").asString()).isEqualTo("firebreak-incident-archive/1");
        assertThat(json.get("incident").get("id").asString()).isEqualTo(id);
        JsonNode checklist = json.get("incident").get("checklist");
        assertThat(checklist.get(1).get("state").asString()).isEqualTo("DONE");
        assertThat(checklist.get(1).get("note").asString()).contains("InvalidDelegate()");
        assertThat(checklist.get(0).get("state").asString()).isEqualTo("SKIPPED");
        assertThat(json.get("timeline")).hasSize(timelineTexts(id).size());
        assertThat(json.get("review").get("rootCause").get("summary").asString()).isEqualTo(ReviewFixture.SUMMARY);
        assertThat(json.get("actionItems").get(0).get("owner").asString()).isEqualTo("bob");

        String unreviewed = fixture.openCritical("Never reviewed");
        JsonNode bare = api.get("/api/v1/incidents/" + unreviewed + "/review/archive").json();
        assertThat(bare.get("review").isNull()).isTrue();
        assertThat(bare.get("timeline")).isNotEmpty();
    }

    private List<String> timelineTexts(String id) {
        List<String> texts = new ArrayList<>();
        api.get("/api/v1/incidents/" + id + "/timeline").json().forEach(e -> texts.add(e.get("text").asString()));
        return texts;
    }
}
