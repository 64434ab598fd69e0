package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** {@code firebreak check --config-dir}: every operator file read as start-up reads it, with no server running. */
class ConfigCheckCliTests {

    @TempDir
    Path dir;

    private static final String RULE = """
            rules:
              - id: expiry-soon
                title: A delegation expires soon
                severity: LOW
                diagnostic:
                  name: %s
                  problems: [delegation.expiring]
            """;

    private static final String PLAYBOOK = """
            id: paymaster-drained
            version: 1
            title: Paymaster deposit drained
            kind: COMMON_INCIDENT
            incidentType: PAYMASTER_DRAINED
            owner: ops
            reviewBy: 2027-06-01
            symptoms: [UserOperations rejected with AA31]
            sections:
              - name: Response
                steps:
                  - { id: check-entrypoint-contract, title: Check EntryPoint contract, %s: "diagnostic:entrypoint" }
                  - { id: refill-deposit, title: Refill the deposit }
            """;

    @Test
    void anEmptyDirectoryMeansTheShippedDefaultsAndPasses() {
        CliRun run = CliRun.of("check", "--config-dir", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("ABSENT").doesNotContain("FAIL").contains("Configuration OK.");
    }

    @Test
    void theShippedFilesCopiedIntoTheDirectoryPassWithWhatTheyConfigure() throws IOException {
        copy("firebreak/oncall/devnet-oncall.yml", dir.resolve("oncall.yml"));
        copy("firebreak/stakeholders.yml", dir.resolve("stakeholders.yml"));
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/paymaster.yml"), PLAYBOOK.formatted("automation"));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/mine.yml"), RULE.formatted("expiry"));

        CliRun run = CliRun.of("check", "--config-dir", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3 people").contains("stakeholder group(s)").contains("8 playbooks")
                .containsPattern("\\d+ rules \\(\\d+ enabled\\)").doesNotContain("FAIL");
    }

    @Test
    void everyBrokenFileIsNamedWithItsLineAndFieldInOneRunAndTheExitIsOne() throws IOException {
        Files.writeString(dir.resolve("oncall.yml"), """
                people:
                  - { id: bob, contacts: [{ channel: CONSOLE, address: bob }] }
                  - { id: bob, contacts: [{ channel: CONSOLE, address: bob }] }
                policies:
                  - id: default
                    levels:
                      - { name: L1, people: [bob] }
                """);
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/paymaster.yml"), PLAYBOOK.formatted("automaton"));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/mine.yml"), RULE.formatted("no-such-check"));
        Files.writeString(dir.resolve("chain-profile.yml"), "chainId: 138\nblockTime: 2s\n");

        CliRun run = CliRun.of("check", "--config-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(dir.resolve("oncall.yml") + ":3: field 'people[1].id': person id 'bob' appears twice")
                .contains(dir.resolve("playbooks/paymaster.yml") + ":12: field 'sections[0].steps[0].automaton': unknown field")
                .contains(dir.resolve("rules/mine.yml") + ": field 'rules[0].diagnostic.name': no diagnostic named 'no-such-check'")
                .contains(dir.resolve("chain-profile.yml") + ":3: field 'rpc': needs at least one endpoint")
                .contains("4 file(s) with a problem");
    }

    @Test
    void aPersonsUnknownTimeZoneAndALevelsBadLocalHoursAreNamedWithTheirLineAndField() throws IOException {
        String file = """
                people:
                  - { id: alice, timeZone: %s, contacts: [{ channel: CONSOLE, address: alice }] }
                policies:
                  - id: default
                    levels:
                      - { name: L1, people: [alice], when: { localHours: "%s" } }
                """;
        Path zone = Files.createDirectories(dir.resolve("zone"));
        Files.writeString(zone.resolve("oncall.yml"), file.formatted("Mars/Olympus", "08:00-20:00"));
        Path hours = Files.createDirectories(dir.resolve("hours"));
        Files.writeString(hours.resolve("oncall.yml"), file.formatted("Europe/Berlin", "08:00-08:00"));

        CliRun badZone = CliRun.of("check", "--config-dir", zone.toString());
        CliRun badHours = CliRun.of("check", "--config-dir", hours.toString());

        assertThat(badZone.exit()).isEqualTo(1);
        assertThat(badZone.out()).contains(zone.resolve("oncall.yml") + ":2: field 'people[0].timeZone': 'Mars/Olympus'"
                + " is not a time zone; use a region such as Europe/Berlin");
        assertThat(badHours.exit()).isEqualTo(1);
        assertThat(badHours.out()).contains(hours.resolve("oncall.yml") + ":6: field"
                + " 'policies[0].levels[0].when.localHours': '08:00-08:00' starts and ends at the same time");
    }

    @Test
    void upRunsTheSameCheckAndStartsNothingWhileAFileIsBroken() throws IOException {
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/paymaster.yml"), PLAYBOOK.formatted("automaton"));

        CliRun run = CliRun.of("up", "--config-dir", dir.toString(), "--data-dir", dir.resolve("data").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(":12: field 'sections[0].steps[0].automaton': unknown field")
                .contains("1 file(s) with a problem");
        assertThat(dir.resolve("data")).as("no devnet, no store: nothing started").doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotThereIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("check", "--config-dir", dir.resolve("missing").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("firebreak: --config-dir: " + dir.resolve("missing") + " is not a directory");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Files.copy(in, to);
        }
    }
}
