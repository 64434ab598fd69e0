package org.firebreak.notify;

import org.firebreak.shared.web.PublicUrl;
import org.springframework.mock.env.MockEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {

    static final IncidentView INCIDENT = new IncidentView(new IncidentId(7), "Delegation redemptions revert", "",
            Severity.CRITICAL, new IncidentType("DELEGATION_FAILURE"), IncidentStatus.TRIGGERED, Set.of(), "alice",
            List.of(), List.of("delegations", "paymaster"), List.of(), Instant.EPOCH, Instant.EPOCH, null, null, null,
            null, null, (Duration) null, List.of());

    private static NotifySettings settings(Path templates) {
        return new NotifySettings(List.of(), "team", new NotifySettings.Retry(5, Duration.ofSeconds(2), Duration.ofMinutes(5)),
                Duration.ofSeconds(10), "firebreak@localhost", null, templates);
    }

    @Test
    void everyKindRendersASubjectAndABodyWithTheIncidentAndItsLink(@TempDir Path none) {
        MessageTemplates templates = new MessageTemplates(settings(none), publicUrl("https://firebreak.example/"));
        for (MessageKind kind : MessageKind.values()) {
            if (kind == MessageKind.SHIFT_STARTING || kind == MessageKind.SHIFT_MOVED || kind == MessageKind.SHIFT_SUMMARY) {
                continue; // about no incident: below
            }
            MessageTemplates.Rendered m = templates.render(kind, INCIDENT, Map.of("level", "2", "text", "update text"));
            assertThat(m.subject()).as(kind.name()).startsWith("[CRITICAL] ").contains("INC-7");
            assertThat(m.body()).as(kind.name()).contains("Incident:   INC-7 Delegation redemptions revert")
                    .contains("Components: delegations, paymaster").contains("Commander:  alice")
                    .contains("Link:       https://firebreak.example/incidents/INC-7");
        }
        MessageTemplates.Rendered page = templates.render(MessageKind.PAGE, INCIDENT,
                Map.of("level", "2", "levelName", "senior engineer", "ackUrl", "https://f.example/ack/t", "reason", "L1 did not acknowledge"));
        assertThat(page.body()).startsWith("""
                You are paged for INC-7 at escalation level 2 (senior engineer).
                Why: L1 did not acknowledge
                Acknowledge (works once): https://f.example/ack/t
                """);
        MessageTemplates.Rendered shift = templates.render(MessageKind.SHIFT_STARTING, null, Map.of("schedule",
                "Primary on-call", "personName", "Bob", "fromLocal", "Mon 09:00", "untilLocal", "Mon 09:00",
                "source", "layer 'Weekly rotation'", "oncallUrl", "https://firebreak.example/oncall"));
        assertThat(shift.subject()).isEqualTo("On call from Mon 09:00: Primary on-call");
        assertThat(shift.body()).startsWith("Bob, your on-call shift in Primary on-call starts Mon 09:00")
                .doesNotContain("Incident:");
    }

    @Test
    void anOperatorsTemplateReplacesTheShippedOneAndABrokenOneStopsStartUpNamingTheFile(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("team-notice.mustache"), "Subject: {{incident.id}} needs you\n\nHi team: {{values.reason}}\n");
        MessageTemplates templates = new MessageTemplates(settings(dir), publicUrl("http://127.0.0.1:8080"));
        MessageTemplates.Rendered m = templates.render(MessageKind.TEAM_NOTICE, INCIDENT, Map.of("reason", "High opened"));
        assertThat(m.subject()).isEqualTo("INC-7 needs you");
        assertThat(m.body()).isEqualTo("Hi team: High opened\n");

        Files.writeString(dir.resolve("page.mustache"), "Subject: {{#values.level}} unclosed\n");
        assertThatThrownBy(() -> new MessageTemplates(settings(dir), publicUrl("http://127.0.0.1:8080")))
                .isInstanceOf(InvalidConfiguration.class).hasMessageStartingWith(dir.resolve("page.mustache") + ": template does not compile");
    }

    private static PublicUrl publicUrl(String configured) {
        return new PublicUrl(new MockEnvironment().withProperty("firebreak.public-url", configured));
    }
}
