package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.MutableClock;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Who is on call, over HTTP, on the shipped default: the "primary" schedule hands off every Monday at 09:00
 * Europe/Berlin from 2026-11-23 (alice, bob, carol). Berlin moves to summer time on Sunday 2027-03-28, so the
 * Monday hand-off after it is at 07:00Z where the one before was at 08:00Z.
 */
@FirebreakIntegrationTest
class OnCallIntegrationTests {

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
        registry.add("firebreak.oncall.paging", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    OnCallApi oncall;

    @Autowired
    MutableClock clock;

    @Test
    void theEscalationPathNowNamesWhomEachLevelWouldPage() {
        Instant was = clock.instant();
        try {
            escalationPathAt2026December1();
        } finally {
            clock.set(was); // the context's other tests read "now" too
        }
    }

    private void escalationPathAt2026December1() {
        clock.set(Instant.parse("2026-12-01T03:00:00Z"));

        List<OnCallApi.PathNow> paths = oncall.escalationPathsNow();

        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p.policy()).isEqualTo("default");
            assertThat(p.components()).as("it takes every incident").isEmpty();
            assertThat(p.levels()).extracting(l -> "L" + l.level() + " " + l.name() + ": "
                    + l.people().stream().map(Person::id).toList() + " " + l.scheduleName() + " " + l.until())
                    .containsExactly(
                            "L1 On-call engineer: [bob] Primary on-call 2026-12-07T08:00:00Z",
                            "L2 Senior engineer: [bob] null null",
                            "L3 Engineering lead: [carol] null null");
        });
        clock.set(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(oncall.escalationPathsNow().getFirst().levels().getFirst().people())
                .as("before the rotation starts the schedule has nobody").isEmpty();
    }

    @Test
    void theWeeklyHandOffStaysAtNineInBerlinAcrossTheChangeToSummerTime() {
        JsonNode before = at("2027-03-29T06:59:59Z");
        assertThat(before.get("person").get("id").asString()).isEqualTo("carol");
        assertThat(before.get("shift").get("from").asString()).isEqualTo("2027-03-22T08:00:00Z");
        assertThat(before.get("shift").get("until").asString()).isEqualTo("2027-03-29T07:00:00Z");
        assertThat(before.get("shift").get("source").asString()).isEqualTo("layer 'Weekly rotation'");

        JsonNode after = at("2027-03-29T07:00:00Z");
        assertThat(after.get("person").get("id").asString()).isEqualTo("alice");
        assertThat(after.get("person").get("contacts").get(0).get("channel").asString()).isEqualTo("CONSOLE");

        JsonNode autumn = at("2027-11-01T07:30:00Z");
        assertThat(autumn.get("person").get("id").asString()).as("back on winter time: the hand-off is at 08:00Z")
                .isEqualTo("alice");
        assertThat(autumn.get("shift").get("until").asString()).isEqualTo("2027-11-01T08:00:00Z");
        assertThat(at("2027-11-01T08:00:00Z").get("person").get("id").asString()).isEqualTo("bob");

        JsonNode beforeStart = at("2026-11-01T12:00:00Z");
        assertThat(beforeStart.get("person").isNull()).as("nobody before the rotation starts").isTrue();
    }

    @Test
    void anOverrideCoversTheScheduleForItsTimeAndThenTheRotationResumes() {
        HttpApi api = new HttpApi(port).as("bob");
        HttpApi.Response created = api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "carol", "from": "2027-04-06T06:00:00Z", "until": "2027-04-06T12:00:00+02:00",
                 "reason": "swap with bob"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        JsonNode covered = at("2027-04-06T07:30:00Z");
        assertThat(covered.get("person").get("id").asString()).isEqualTo("carol");
        assertThat(covered.get("shift").get("source").asString())
                .isEqualTo("override #" + id + " by bob (swap with bob)");
        assertThat(covered.get("shift").get("until").asString()).isEqualTo("2027-04-06T10:00:00Z");
        assertThat(at("2027-04-06T05:59:59Z").get("person").get("id").asString()).isEqualTo("bob");
        assertThat(at("2027-04-06T10:00:00Z").get("person").get("id").asString()).isEqualTo("bob");

        JsonNode schedule = api.get("/api/v1/oncall/schedules").json().get(0);
        assertThat(schedule.get("id").asString()).isEqualTo("primary");
        assertThat(schedule.get("overrides")).anySatisfy(o -> assertThat(o.get("id").asLong()).isEqualTo(id));
    }

    @Test
    void whoIsOnCallNowFollowsTheTestClock() {
        JsonNode now = new HttpApi(port).get("/api/v1/oncall/now").json();
        assertThat(now).hasSize(1);
        assertThat(now.get(0).get("at").asString()).isEqualTo("2026-11-25T03:00:00Z");
        assertThat(now.get(0).get("person").get("id").asString()).isEqualTo("alice");
        assertThat(now.get(0).get("shift").get("from").asString()).isEqualTo("2026-11-23T08:00:00Z");
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        HttpApi api = new HttpApi(port);
        HttpApi.Response unknown = api.get("/api/v1/oncall/schedules/secondary/oncall");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("There is no schedule 'secondary'; known: primary");

        assertField(api.get("/api/v1/oncall/schedules/primary/oncall?at=tomorrow"), "at");
        assertField(api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "dave", "from": "2027-01-01T00:00:00Z", "until": "2027-01-02T00:00:00Z"}"""), "person");
        assertField(api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "bob", "from": "2027-01-02T00:00:00Z", "until": "2027-01-01T00:00:00Z"}"""), "until");
        assertField(api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "bob", "from": "2026-01-01T00:00:00Z", "until": "2026-01-02T00:00:00Z"}"""), "until");
        assertField(api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"from": "2027-01-01T00:00:00Z", "until": "2027-01-02T00:00:00Z"}"""), "person");
        assertField(api.post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "bob", "from": "2027-01-01T00:00:00Z", "until": "2027-01-02T00:00:00Z", "who": 1}"""), "who");
        assertThat(api.get("/api/v1/oncall/schedules/primary/oncall?at=2027-01-01T12:00:00Z").json().get("person")
                .get("id").asString()).as("nothing was stored").isNotEqualTo("dave");
    }

    private JsonNode at(String instant) {
        HttpApi.Response response = new HttpApi(port).get("/api/v1/oncall/schedules/primary/oncall?at=" + instant
                .replace("+", "%2B"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertField(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
