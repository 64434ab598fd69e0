package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The calendar feeds on the shipped default ("primary": weekly hand-off Mondays 09:00 Europe/Berlin from 2026-11-23,
 * alice, bob, carol), the test clock at 2026-11-25T03:00Z: the horizon (8 weeks back, 26 ahead) holds Berlin's change
 * to summer time on 2027-03-28. A feed is parsed back with ical4j and must give the same shifts as the rota.
 */
@FirebreakIntegrationTest
class CalendarFeedTests {

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    OnCallApi oncall;

    @Autowired
    CalendarFeeds feeds;

    /** One event read back: who, from, until, as instants. */
    record Read(String person, Instant from, Instant until) {
    }

    @Test
    void aScheduleFeedWithASummerTimeChangeAndAnOverrideParsesBackToTheSameShifts() throws Exception {
        HttpApi.Response created = new HttpApi(port).as("bob").post("/api/v1/oncall/schedules/primary/overrides", """
                {"person": "carol", "from": "2027-04-06T06:00:00Z", "until": "2027-04-06T10:00:00Z",
                 "reason": "swap with bob"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode links = new HttpApi(port).as("bob", Role.VIEWER).get("/api/v1/oncall/calendars").json();
        assertThat(links).extracting(l -> l.get("kind").asString() + " " + l.get("id").asString())
                .as("every schedule, and bob's own feed only").containsExactly("schedule primary", "person bob");
        String url = links.get(0).get("url").asString();
        assertThat(url).startsWith("http://").contains("/calendars/schedules/primary.ics?token=");

        HttpApi.Response feed = new HttpApi(port).anonymous().get(url.substring(url.indexOf("/calendars/")));
        assertThat(feed.status()).as("a calendar app cannot sign in: the token is enough").isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = feed.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                // carol's week across the change: 09:00 to 09:00 local, 08:00Z to 07:00Z
                "DTSTART;TZID=Europe/Berlin:20270322T090000", "DTEND;TZID=Europe/Berlin:20270329T090000",
                "SUMMARY:Carol (engineering lead) on call (Primary on-call)");

        List<Read> read = read(ics);
        assertThat(read).contains(new Read("carol", Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z")),
                new Read("bob", Instant.parse("2027-04-05T07:00:00Z"), Instant.parse("2027-04-06T06:00:00Z")),
                new Read("carol", Instant.parse("2027-04-06T06:00:00Z"), Instant.parse("2027-04-06T10:00:00Z")),
                new Read("bob", Instant.parse("2027-04-06T10:00:00Z"), Instant.parse("2027-04-12T07:00:00Z")));

        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        Instant until = Instant.parse("2027-03-31T00:00:00Z");
        for (Instant start = from; start.isBefore(Instant.parse("2027-05-01T00:00:00Z")); start = until, until = until.plus(java.time.Duration.ofDays(30))) {
            Instant a = start;
            Instant b = until;
            List<Read> inside = oncall.rota("primary", a, b).stream()
                    .filter(s -> s.from().isAfter(a) && s.until().isBefore(b))
                    .map(s -> new Read(s.person(), s.from(), s.until())).toList();
            assertThat(inside).as("the rota has shifts from %s to %s", a, b).isNotEmpty();
            assertThat(read.stream().filter(r -> r.from().isAfter(a) && r.until().isBefore(b)).toList())
                    .as("the feed's events from %s to %s", a, b).isEqualTo(inside);
        }
        assertThat(read.getFirst().from()).as("the first shift is shown whole, not cut at the horizon")
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(read.getLast().until()).as("nor is the last").isAfter(Instant.parse("2027-05-26T03:00:00Z"));
    }

    @Test
    void aPersonsFeedHoldsOnlyTheirShiftsAndNeedsTheirOwnToken() throws Exception {
        HttpApi anonymous = new HttpApi(port).anonymous();
        HttpApi.Response carol = anonymous.get("/calendars/people/carol.ics?token=" + feeds.token("person", "carol"));
        assertThat(carol.status()).as(carol.body()).isEqualTo(200);
        List<Read> read = read(carol.body());
        assertThat(read).isNotEmpty().allSatisfy(r -> assertThat(r.person()).isEqualTo("carol"));
        assertThat(read).contains(new Read("carol", Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-14T08:00:00Z")));
        assertThat(carol.body()).contains("SUMMARY:On call: Primary on-call");

        assertThat(anonymous.get("/calendars/people/carol.ics?token=" + feeds.token("person", "bob")).status())
                .as("bob's token does not open carol's feed").isEqualTo(404);
        assertThat(anonymous.get("/calendars/people/carol.ics").status()).isEqualTo(404);
        assertThat(anonymous.get("/calendars/schedules/primary.ics?token=" + feeds.token("person", "primary"))
                .status()).as("a person's token is no schedule's").isEqualTo(404);
        HttpApi.Response unknown = anonymous.get("/calendars/people/dave.ics?token=" + feeds.token("person", "dave"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("alice");
    }

    private static List<Read> read(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        var validation = calendar.validate();
        assertThat(validation.hasErrors()).as("RFC 5545 as ical4j checks it: %s", validation.getEntries()).isFalse();
        List<Read> read = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            String uid = event.getUid().orElseThrow().getValue();
            ZonedDateTime from = (ZonedDateTime) event.getDateTimeStart().getDate();
            ZonedDateTime until = (ZonedDateTime) event.getDateTimeEnd().getDate();
            read.add(new Read(uid.split("\\.")[1], from.toInstant(), until.toInstant()));
        }
        return read;
    }
}
