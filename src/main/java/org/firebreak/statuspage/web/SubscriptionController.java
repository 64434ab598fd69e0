package org.firebreak.statuspage.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.statuspage.StatusPageSettings;
import org.firebreak.statuspage.Subscriptions;
import org.firebreak.statuspage.Subscriptions.Subscribed;
import org.firebreak.statuspage.Subscriptions.SubscriberView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Subscriptions to the public status page: subscribe (public, no sign-in, a few requests per client address an
 * hour), confirm and unsubscribe by the links in the messages (the token is the credential), and the list for
 * viewers, addresses masked.
 */
@RestController
@Tag(name = "Status page subscribers")
class SubscriptionController {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Subscriptions subscriptions;
    private final StatusPageSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    SubscriptionController(Subscriptions subscriptions, StatusPageSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A subscription request.
     *
     * @param email an address to mail (confirmed by a link first), or
     * @param webhook an http(s) URL to post JSON to (subscribed at once, signed with the secret returned)
     * @param components component ids to hear about; none: every change
     */
    record SubscribeRequest(@Nullable String email, @Nullable String webhook, @Nullable List<String> components) {
    }

    @PostMapping("/status/subscriptions")
    @Operation(summary = "Subscribe to the status page by email (double opt-in) or webhook (signed; the secret is "
            + "returned once); public")
    ResponseEntity<?> subscribe(@RequestBody SubscribeRequest body, HttpServletRequest request) {
        if (!admitted(request.getRemoteAddr())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "at most " + settings.subscribers().perClientPerHour() + " subscription requests an hour from "
                            + "one address; try again later");
            problem.setTitle("Too many subscription requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", String.valueOf(WINDOW.toSeconds())).body(problem);
        }
        Subscribed done = subscriptions.subscribe(body.email(), body.webhook(), body.components());
        return done.secret() == null ? ResponseEntity.accepted().body(done)
                : ResponseEntity.created(URI.create("/status")).body(done);
    }

    @GetMapping("/status/subscriptions/confirm")
    @Operation(summary = "Confirm an email subscription with the token of its confirmation link; public")
    ResponseEntity<String> confirm(@RequestParam String token) {
        return text(subscriptions.confirm(token));
    }

    /** The link in every message: a page with one button, so a mail scanner that follows links unsubscribes nobody. */
    @GetMapping("/status/subscriptions/unsubscribe")
    ResponseEntity<String> unsubscribePage(@RequestParam String token) {
        String name = HtmlUtils.htmlEscape(settings.name());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe – " + name
                + "</title></head><body><h1>" + name + "</h1><form method=\"post\" action=\"/status/subscriptions/"
                + "unsubscribe?token=" + HtmlUtils.htmlEscape(token) + "\"><button type=\"submit\">Unsubscribe"
                + "</button></form></body></html>");
    }

    @PostMapping("/status/subscriptions/unsubscribe")
    @Operation(summary = "End a subscription with the token of its unsubscribe link; public")
    ResponseEntity<String> unsubscribe(@RequestParam String token) {
        return text(subscriptions.unsubscribe(token));
    }

    private static ResponseEntity<String> text(String text) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(text + "\n");
    }

    @GetMapping("/api/v1/statuspage/subscribers")
    @Operation(summary = "The status page's subscriptions, newest first, addresses masked")
    List<SubscriberView> list(@RequestParam(defaultValue = "200") int limit) {
        return subscriptions.list(Math.clamp(limit, 1, 1000));
    }

    /** Counts the request against its client's hour; false once the hour's allowance is used up. */
    private boolean admitted(String client) {
        Instant since = clock.instant().minus(WINDOW);
        recent.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast().isBefore(since));
        Deque<Instant> times = recent.computeIfAbsent(client, c -> new ConcurrentLinkedDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= settings.subscribers().perClientPerHour()) {
                return false;
            }
            times.addLast(clock.instant());
            return true;
        }
    }
}
