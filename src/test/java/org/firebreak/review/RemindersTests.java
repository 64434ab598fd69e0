package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationRequested;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;

/** Overdue action items and playbooks: flagged, listed, and their owners reminded once per interval. */
@FirebreakIntegrationTest
@RecordApplicationEvents
class RemindersTests {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Reminders reminders;

    HttpApi api;
    ReviewFixture fixture;

    @BeforeEach
    void client() {
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        api = new HttpApi(port).as("alice");
        fixture = new ReviewFixture(api);
    }

    @Test
    void anOverdueActionItemIsFlaggedAndItsOwnerRemindedOncePerDay(ApplicationEvents events) {
        String id = fixture.openCritical("Paymaster drained");
        fixture.startReview(id);
        long overdue = fixture.addActionItem(id, """
                {"title": "Top-up alert for the paymaster", "owner": "bob", "dueOn": "2026-11-20", "priority": "HIGH"}""")
                .json().get("id").asLong();
        fixture.addActionItem(id, "{\"title\": \"Document the top-up\", \"owner\": \"carol\", \"dueOn\": \"2026-12-31\"}");
        long done = fixture.addActionItem(id, "{\"title\": \"Refill\", \"owner\": \"dave\", \"dueOn\": \"2026-11-21\"}")
                .json().get("id").asLong();
        api.send("PATCH", "/api/v1/action-items/" + done, "{\"status\": \"DONE\"}");

        JsonNode listed = api.get("/api/v1/action-items?overdue=true").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(overdue);
        assertThat(listed.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(listed.get(0).get("daysOverdue").asInt()).isEqualTo(5);
        JsonNode all = api.get("/api/v1/action-items?incident=" + id).json();
        assertThat(all.findValuesAsString("owner")).as("most urgent first").containsExactly("bob", "dave", "carol");

        String expected = "Reminder to bob: action item #" + overdue + " 'Top-up alert for the paymaster' (HIGH) was due "
                + "2026-11-20, 5 days overdue";
        assertThat(reminders.sendDue()).containsExactly(expected);
        List<NotificationRequested> requested = events.stream(NotificationRequested.class).toList();
        assertThat(requested).hasSize(1);
        assertThat(requested.getFirst().request().kind()).isEqualTo(MessageKind.TEAM_NOTICE);
        assertThat(requested.getFirst().request().to()).containsExactly(new Destination(ChannelKind.CONSOLE, "bob", "bob"));
        assertThat(requested.getFirst().request().values()).containsEntry("reason", expected);
        assertThat(requested.getFirst().request().incident().toString()).isEqualTo(id);
        JsonNode timeline = api.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.valueStream().filter(e -> e.get("kind").asString().equals("NOTIFICATION"))
                .map(e -> e.get("text").asString())).contains(expected);
        assertThat(api.get("/api/v1/action-items/" + overdue).json().get("lastRemindedAt").asString())
                .isEqualTo("2026-11-25T09:00:00Z");

        clock.advance(Duration.ofHours(23));
        assertThat(reminders.sendDue()).as("reminded less than a day ago").isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(reminders.sendDue()).containsExactly(expected.replace("5 days", "6 days"));

        api.send("PATCH", "/api/v1/action-items/" + overdue, "{\"status\": \"DONE\"}");
        clock.advance(Duration.ofDays(2));
        assertThat(reminders.sendDue()).as("done items are not chased").isEmpty();
        assertThat(api.get("/api/v1/action-items/" + overdue).json().get("completedAt").asString())
                .isEqualTo("2026-11-26T09:00:00Z");
    }

    @Test
    void playbooksPastTheirReviewByDateAreListedAndTheirOwnersReminded() {
        assertThat(api.get("/api/v1/playbooks/overdue").json()).as("every shipped playbook is due 2027-01-26").isEmpty();

        clock.set(Instant.parse("2027-02-01T08:00:00Z"));
        JsonNode overdue = api.get("/api/v1/playbooks/overdue").json();
        assertThat(overdue.findValuesAsString("id")).containsExactly("account-creation-failure", "critical-response",
                "delegation-failure", "high-response", "performance-degradation", "standard-response");
        assertThat(overdue.get(0).get("owner").asString()).isEqualTo("smart-accounts-team");
        assertThat(overdue.get(0).get("daysOverdue").asInt()).isEqualTo(6);
        assertThat(overdue.get(0).get("lastRemindedAt").isNull()).isTrue();

        List<String> sent = reminders.sendDue();
        assertThat(sent).hasSize(6).contains("Reminder to engineering-lead: playbook critical-response v1 'Critical "
                + "incident response' was due for review by 2027-01-26, 6 days overdue");
        assertThat(api.get("/api/v1/playbooks/overdue").json().get(0).get("lastRemindedAt").asString())
                .isEqualTo("2027-02-01T08:00:00Z");
        assertThat(reminders.sendDue()).isEmpty();
    }
}
