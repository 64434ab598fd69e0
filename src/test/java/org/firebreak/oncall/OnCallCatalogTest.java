package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** The on-call file: the shipped default, the layers' rotations, and errors that name file, line and field. */
class OnCallCatalogTest {

    private static final String PEOPLE = """
            people:
              - id: alice
                contacts: [{ channel: CONSOLE, address: alice }]
              - id: bob
                contacts: [{ channel: EMAIL, address: bob@example.org }]
              - id: carol
                contacts: [{ channel: SLACK, address: https://hooks.example.org/carol }]
            """;
    private static final String POLICY = """
            policies:
              - id: default
                levels:
                  - { name: On-call engineer, schedule: primary }
            """;

    @TempDir
    Path dir;

    @Test
    void withoutAnOperatorsFileTheShippedDefaultTranscribesThePlansEscalationPath() {
        OnCallCatalog catalog = new OnCallCatalog(dir.resolve("absent.yml"));

        assertThat(catalog.source()).isEqualTo(OnCallCatalog.SHIPPED);
        assertThat(catalog.people()).extracting(Person::id).containsExactly("alice", "bob", "carol");
        EscalationPolicy policy = catalog.policyFor(List.of("delegations"));
        assertThat(policy.levels()).extracting(EscalationPolicy.Level::name)
                .containsExactly("On-call engineer", "Senior engineer", "Engineering lead");
        assertThat(policy.level(3).duties()).containsExactly("Critical issues", "Strategic decisions", "External coordination");
        assertThat(policy.timeout(1, Severity.CRITICAL)).contains(Duration.ofMinutes(5));
        assertThat(policy.timeout(2, Severity.HIGH)).contains(Duration.ofMinutes(15));
        assertThat(policy.pages(Severity.MEDIUM)).isFalse();
        assertThat(policy.pages(Severity.LOW)).isFalse();
    }

    @Test
    void thePolicySnapshotReadsBackAsTheSamePolicy() {
        EscalationPolicy policy = new OnCallCatalog(dir.resolve("absent.yml")).policyFor(List.of());
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.readValue(json.writeValueAsString(policy), EscalationPolicy.class)).isEqualTo(policy);
    }

    @Test
    void aDailyRotationHandsOffAtLocalTimeAndAHigherLayerTakesOverWithinItsRestriction() throws IOException {
        OnCallCatalog catalog = new OnCallCatalog(write(PEOPLE + """
                schedules:
                  - id: primary
                    timeZone: America/New_York
                    layers:
                      - name: days
                        rotation: DAILY
                        handoff: "08:00"
                        start: 2026-10-30
                        participants: [alice, bob]
                      - name: weekend nights
                        rotation: WEEKLY
                        handoff: "18:00"
                        start: 2026-10-30
                        participants: [carol]
                        restrictions:
                          - { days: [SATURDAY], from: "20:00", to: "06:00" }
                """ + POLICY));
        Schedule schedule = catalog.schedule("primary").orElseThrow();

        // New York leaves summer time on Sunday 2026-11-01: 08:00 is 12:00Z before and 13:00Z after.
        assertThat(who(schedule, "2026-10-31T11:59:59Z")).isEqualTo("alice");   // Friday's shift (alice) until Sat 08:00 EDT
        assertThat(who(schedule, "2026-10-31T12:00:00Z")).isEqualTo("bob");
        assertThat(who(schedule, "2026-11-01T12:30:00Z")).as("07:30 EST: still Saturday's shift").isEqualTo("bob");
        assertThat(who(schedule, "2026-11-01T13:00:00Z")).isEqualTo("alice");
        Shift saturdayNight = schedule.onCallAt(Instant.parse("2026-11-01T03:00:00Z"), List.of()).orElseThrow();
        assertThat(saturdayNight.person()).isEqualTo("carol");
        assertThat(saturdayNight.source()).isEqualTo("layer 'weekend nights'");
        assertThat(saturdayNight.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(saturdayNight.until()).as("06:00 EST, after the change").isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
        assertThat(who(schedule, "2026-11-01T11:00:00Z")).as("outside the window the lower layer decides").isEqualTo("bob");
    }

    @Test
    void anUnknownParticipantStopsStartUpNamingFileLineAndField() throws IOException {
        Path file = write(PEOPLE + """
                schedules:
                  - id: primary
                    timeZone: Europe/Berlin
                    layers:
                      - rotation: WEEKLY
                        handoff: "09:00"
                        start: 2026-11-23
                        participants: [alice, dave]
                """ + POLICY);

        assertThatThrownBy(() -> new OnCallCatalog(file)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(file + ":15: field 'schedules[0].layers[0].participants[1]': no person 'dave'; known: alice,"
                        + " bob, carol");
    }

    @Test
    void aTimeZoneThatDoesNotExistIsNamedWithItsLine() throws IOException {
        Path file = write(PEOPLE + """
                schedules:
                  - id: primary
                    timeZone: Europe/Berln
                    layers:
                      - { rotation: DAILY, handoff: "09:00", start: 2026-11-23, participants: [alice] }
                """ + POLICY);

        assertThatThrownBy(() -> new OnCallCatalog(file)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(file + ":10: field 'schedules[0].timeZone': 'Europe/Berln' is not a time zone; use a region"
                        + " such as Europe/Berlin");
    }

    @Test
    void aLevelNeedsExactlyOneTargetAndAnExistingSchedule() throws IOException {
        Path both = write(PEOPLE + """
                policies:
                  - id: default
                    levels:
                      - name: On-call engineer
                        schedule: primary
                        people: [bob]
                """);
        assertThatThrownBy(() -> new OnCallCatalog(both)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(both + ":12: field 'policies[0].levels[0].schedule': give exactly one target");

        Path missing = write(PEOPLE + POLICY);
        assertThatThrownBy(() -> new OnCallCatalog(missing)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(missing + ":11: field 'policies[0].levels[0].schedule': no schedule 'primary'; known: none");
    }

    @Test
    void aTypoInAFieldNameListsTheFieldsAllowed() throws IOException {
        Path file = write(PEOPLE.replace("  - id: alice\n", "  - id: alice\n    nmae: Alice\n") + POLICY);

        assertThatThrownBy(() -> new OnCallCatalog(file)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(file + ":3: field 'people[0].nmae': unknown field; allowed: contacts, id, name, timeZone");
    }

    @Test
    void aPersonDeclaredTwiceIsNamedAtItsSecondDeclaration() throws IOException {
        Path file = write(PEOPLE + """
                  - id: bob
                    contacts: [{ channel: CONSOLE, address: bob }]
                """ + POLICY.replace("schedule: primary", "people: [bob]"));

        assertThatThrownBy(() -> new OnCallCatalog(file)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(file + ":8: field 'people[3].id': person id 'bob' appears twice");
    }

    @Test
    void aPersonsTimeZoneAndALevelsLocalHoursAreReadAndSnapshotted() throws IOException {
        OnCallCatalog catalog = new OnCallCatalog(write(PEOPLE.replace("  - id: alice\n",
                "  - id: alice\n    timeZone: Asia/Tokyo\n") + """
                policies:
                  - id: default
                    levels:
                      - { name: Day, people: [alice], when: { localHours: "08:00-20:00" } }
                      - { name: Night, people: [bob], outside: { localHours: "08:00-20:00" } }
                """));
        EscalationPolicy policy = catalog.policyFor(List.of());
        JsonMapper json = JsonMapper.builder().build();

        assertThat(catalog.person("alice").orElseThrow().timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(catalog.person("bob").orElseThrow().timeZone()).as("none of their own").isNull();
        assertThat(policy.level(1).when()).isEqualTo(new LocalHours("08:00-20:00"));
        assertThat(policy.level(2).outside()).isEqualTo(new LocalHours("08:00-20:00"));
        assertThat(Texts.path(policy)).isEqualTo("L1 Day → alice (their local 08:00-20:00 only), L2 Night → bob"
                + " (outside their local 08:00-20:00 only)");
        assertThat(json.readValue(json.writeValueAsString(policy), EscalationPolicy.class)).isEqualTo(policy);
    }

    @Test
    void withoutAZoneOfTheirOwnAPersonsHoursAreTheSchedulesElseThePolicys() throws IOException {
        OnCallCatalog catalog = new OnCallCatalog(write(PEOPLE.replace("  - id: alice\n",
                "  - id: alice\n    timeZone: Asia/Tokyo\n") + """
                schedules:
                  - id: primary
                    timeZone: America/New_York
                    layers:
                      - { rotation: DAILY, handoff: "09:00", start: 2026-11-23, participants: [alice, bob] }
                policies:
                  - id: default
                    timeZone: Europe/Berlin
                    levels:
                      - { name: L1, schedule: primary, when: { localHours: "08:00-20:00" } }
                      - { name: L2, people: [bob], when: { localHours: "08:00-20:00" } }
                """));
        Pager pager = new Pager(null, catalog, null, null, null, null, null);
        EscalationPolicy policy = catalog.policyFor(List.of());
        Person alice = catalog.person("alice").orElseThrow();
        Person bob = catalog.person("bob").orElseThrow();

        assertThat(pager.zoneOf(alice, policy.level(1), policy)).hasToString("Asia/Tokyo");
        assertThat(pager.zoneOf(bob, policy.level(1), policy)).hasToString("America/New_York");
        assertThat(pager.zoneOf(bob, policy.level(2), policy)).hasToString("Europe/Berlin");
    }

    @Test
    void aBadTimeZoneOrBadLocalHoursStopStartUpNamingFileLineAndField() throws IOException {
        Path zone = write(PEOPLE.replace("  - id: bob\n", "  - id: bob\n    timeZone: Europe/Berln\n") + POLICY
                .replace("schedule: primary", "people: [bob]"));
        assertThatThrownBy(() -> new OnCallCatalog(zone)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(zone + ":5: field 'people[1].timeZone': 'Europe/Berln' is not a time zone; use a region such"
                        + " as Europe/Berlin");

        Path hours = write(PEOPLE + """
                policies:
                  - id: default
                    levels:
                      - name: Day
                        people: [alice]
                        when:
                          localHours: "08:00-24:00"
                """);
        assertThatThrownBy(() -> new OnCallCatalog(hours)).isInstanceOf(InvalidConfiguration.class)
                .hasMessage(hours + ":14: field 'policies[0].levels[0].when.localHours': '08:00-24:00' is not a window of"
                        + " local hours such as 08:00-20:00: '24:00' is not a time of day");
    }

    @Test
    void theExampleInTheOnCallDocumentIsAValidOnCallFile() throws IOException {
        String section = Files.readString(Path.of("docs/oncall.md"));
        String yaml = section.substring(section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));

        OnCallCatalog catalog = new OnCallCatalog(write(yaml));
        Schedule primary = catalog.schedule("primary").orElseThrow();
        assertThat(who(primary, "2026-11-28T22:00:00Z")).as("Saturday 23:00 in Berlin: weekend nights").isEqualTo("carol");
        assertThat(who(primary, "2026-12-25T12:00:00Z")).as("the configured override").isEqualTo("bob");
        assertThat(catalog.policyFor(List.of()).timeout(3, Severity.CRITICAL)).contains(Duration.ofMinutes(10));
    }

    @Test
    void theLocalHoursExampleInTheOnCallDocumentIsAValidOnCallFile() throws IOException {
        String doc = Files.readString(Path.of("docs/oncall.md"));
        int section = doc.indexOf("### Local hours");
        int start = doc.indexOf("```yaml", section) + 7;
        OnCallCatalog catalog = new OnCallCatalog(write(doc.substring(start, doc.indexOf("```", start))));

        EscalationPolicy.Level first = catalog.policyFor(List.of()).level(1);
        assertThat(first.when()).isEqualTo(new LocalHours("08:00-20:00"));
        assertThat(first.passesOver(catalog.person("alice").orElseThrow(), java.time.ZoneId.of("Europe/Berlin"),
                Instant.parse("2026-11-25T03:13:00Z"))).isEqualTo("04:13 at alice's (Europe/Berlin) is outside 08:00-20:00");
    }

    private static String who(Schedule schedule, String at) {
        return schedule.onCallAt(Instant.parse(at), List.of()).map(Shift::person).orElse("nobody");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("oncall.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
