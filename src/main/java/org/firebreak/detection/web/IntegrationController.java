package org.firebreak.detection.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertStatus;
import org.firebreak.detection.AlertView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * External alerts as stored. The endpoints Alertmanager and PagerDuty senders post to are answered ahead of the web
 * stack by {@link AlertIntakeFilter}; their answers are the records here.
 */
@RestController
@Tag(name = "External alerts")
class IntegrationController {

    private final AlertApi alerts;

    IntegrationController(AlertApi alerts) {
        this.alerts = alerts;
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
}
