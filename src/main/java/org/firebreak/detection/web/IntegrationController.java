package org.firebreak.detection.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertStatus;
import org.firebreak.detection.AlertView;
import org.firebreak.detection.IntegrationKind;
import org.firebreak.detection.Signal;
import org.firebreak.shared.web.InvalidRequestField;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * External alerts in: the endpoints Alertmanager and PagerDuty senders are pointed at unchanged. The body is
 * taken as text and read only after the secret is checked, so a stranger learns nothing about the format.
 */
@RestController
@Tag(name = "External alerts")
class IntegrationController {

    private static final String BEARER = "Bearer ";

    private final AlertApi alerts;
    private final JsonMapper json;

    IntegrationController(AlertApi alerts, JsonMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @PostMapping("/api/v1/integrations/{name}/alertmanager")
    @Operation(summary = "Prometheus Alertmanager webhook (payload version 4), authenticated by a bearer token")
    AlertmanagerAnswer alertmanager(@PathVariable String name,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip() : null;
        alerts.authenticate(name, IntegrationKind.ALERTMANAGER, token, "the Authorization: Bearer header");
        List<Signal> signals = AlertmanagerWebhook.signals(read(body));
        return new AlertmanagerAnswer("success", alerts.receive(name, IntegrationKind.ALERTMANAGER, signals));
    }

    @PostMapping("/api/v1/integrations/{name}/pagerduty")
    @Operation(summary = "PagerDuty Events API v2 event; routing_key is the integration's secret")
    ResponseEntity<PagerDutyAnswer> pagerduty(@PathVariable String name,
            @RequestBody(required = false) @Nullable String body) {
        JsonNode event = read(body);
        alerts.authenticate(name, IntegrationKind.PAGERDUTY, PagerDutyEvent.routingKey(event), "routing_key");
        Signal signal = PagerDutyEvent.signal(event);
        alerts.receive(name, IntegrationKind.PAGERDUTY, List.of(signal));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new PagerDutyAnswer("success", "Event processed", signal.dedupKey()));
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Alerts, most recently seen first (at most 200)")
    List<AlertView> list(@RequestParam(required = false) @Nullable String integration,
            @RequestParam(required = false) @Nullable AlertStatus status) {
        return alerts.list(integration, status);
    }

    @GetMapping("/api/v1/integrations/{name}/alerts/{dedupKey}")
    ResponseEntity<AlertView> show(@PathVariable String name, @PathVariable String dedupKey) {
        return ResponseEntity.of(alerts.find(name, dedupKey));
    }

    /**
     * What Alertmanager ignores but a person with curl reads: how many alerts were stored. Their state is one GET
     * away ({@code /api/v1/integrations/{name}/alerts/{fingerprint}}, or an incident's {@code /alerts}); answering
     * it here would cost every sender a read of what it just wrote.
     */
    @JsonPropertyOrder({ "status", "alerts" })
    record AlertmanagerAnswer(String status, int alerts) {
    }

    /** Exactly PagerDuty's answer, in its field order, so senders that parse it keep working. */
    @JsonPropertyOrder({ "status", "message", "dedup_key" })
    record PagerDutyAnswer(String status, String message, @JsonProperty("dedup_key") String dedupKey) {
    }

    private JsonNode read(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestField("body", "the request body is missing");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestField("body", "malformed JSON: " + e.getOriginalMessage());
        }
    }
}
