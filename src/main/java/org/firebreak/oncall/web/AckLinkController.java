package org.firebreak.oncall.web;

import org.firebreak.incident.IncidentNotFound;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.oncall.AckLinkRejected;
import org.firebreak.oncall.AckLinkView;
import org.firebreak.oncall.EscalationApi;
import org.firebreak.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.util.HtmlUtils;

/**
 * The acknowledge link in a page: {@code GET /ack/{token}} shows what it acknowledges with a button (a GET changes
 * nothing: mail scanners and link previews open links), {@code POST /ack/{token}} acknowledges as the person paged.
 * Browsers get a small HTML page; other clients JSON, and problem details when the link is refused.
 */
@Controller
class AckLinkController {

    private final EscalationApi escalations;

    AckLinkController(EscalationApi escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/ack/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        try {
            AckLinkView link = escalations.inspect(token);
            String body = link.status() == IncidentStatus.TRIGGERED
                    ? "<p>" + describe(link) + "</p><form method=\"post\"><button type=\"submit\">Acknowledge "
                            + esc(link.incident().toString()) + " as " + esc(link.person()) + "</button></form>"
                    : "<p>" + esc(link.incident() + " is already " + link.status()) + ": nothing to acknowledge.</p>";
            return html(HttpStatus.OK, "Acknowledge " + link.incident(), body);
        } catch (AckLinkRejected e) {
            return html(e.reason().status, e.reason().title, "<p>" + esc(e.getMessage()) + "</p>");
        } catch (IncidentNotFound e) {
            return html(HttpStatus.NOT_FOUND, "Incident not found", "<p>" + esc(e.getMessage()) + "</p>");
        }
    }

    @PostMapping("/ack/{token}")
    ResponseEntity<?> acknowledge(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean browser = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        try {
            AckLinkView link = escalations.acknowledge(token);
            return browser
                    ? html(HttpStatus.OK, link.incident() + " acknowledged", "<p>" + esc(link.incident() + " is "
                            + link.status() + ", acknowledged by " + link.person() + ". Paging has stopped.") + "</p>")
                    : ResponseEntity.ok(link);
        } catch (AckLinkRejected e) {
            return browser ? html(e.reason().status, e.reason().title, "<p>" + esc(e.getMessage()) + "</p>")
                    : ResponseEntity.status(e.reason().status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(Problems.of(e.reason().status, e.reason().title, e.getMessage()));
        } catch (IncidentNotFound e) {
            return browser ? html(HttpStatus.NOT_FOUND, "Incident not found", "<p>" + esc(e.getMessage()) + "</p>")
                    : ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(Problems.of(e));
        }
    }

    private static String describe(AckLinkView link) {
        return esc(link.incident() + " " + link.title()) + "<br>" + esc(link.severity() + ", " + link.status())
                + "<br>" + esc("You (" + link.person() + ") were paged at level " + link.level() + " ("
                        + link.levelName() + "). This link works once, until " + link.expires() + ".");
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}
                button{font-size:1.2rem;padding:.6rem 1.2rem}</style></head>
                <body><h1>%s</h1>%s</body></html>
                """.formatted(esc(title), esc(title), body);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
