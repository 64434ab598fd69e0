package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.shared.web.Role;
import org.firebreak.support.HttpApi;
import org.firebreak.support.FirebreakIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The post-incident commands against a running server: review, actions, analytics, playbook overdue. */
@FirebreakIntegrationTest
class ReviewCliTests {

    @LocalServerPort
    int port;

    private CliRun firebreak(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=http://127.0.0.1:" + port);
        all.add("--token=" + new HttpApi(port).tokenFor("lead-erin", Role.ADMIN));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        return run;
    }

    @Test
    void aReviewIsWrittenPublishedAndExportedFromTheCommandLineAndTheIncidentThenCloses() throws Exception {
        CliRun opened = firebreak("incident", "open", "--title", "Paymaster deposit drained", "--criteria",
                "funds at risk", "--component", "paymaster");
        String id = opened.out().lines().findFirst().orElseThrow().split(" ")[0];
        firebreak("incident", "status", id, "RESOLVED");

        CliRun refused = firebreak("incident", "status", id, "CLOSED");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(id + " cannot be CLOSED yet: a CRITICAL incident closes only once its "
                + "post-incident review is PUBLISHED");

        CliRun started = firebreak("review", "start", id);
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(started.out()).contains("Review of " + id + "  Paymaster deposit drained: DRAFT by lead-erin (next: IN_REVIEW)")
                .containsPattern("Root cause analysis\\s+no\\s+a summary and at least one of fiveWhys");

        CliRun edited = firebreak("review", "edit", id, "--summary", "A sponsorship loop drained the paymaster",
                "--factor", "No deposit alert below 0.5 ETH", "--why", "Why did operations fail? => AA31 paymaster deposit too low",
                "--went-well", "Detection", "--key", "1", "--context", "1=Found by a dApp first");
        assertThat(edited.exit()).as(edited.err()).isZero();
        assertThat(edited.out()).containsPattern("Timeline\\s+yes");
        CliRun contextOnly = firebreak("review", "edit", id, "--context", "1=Found by a dApp's support desk first");
        assertThat(contextOnly.exit()).as(contextOnly.err()).isZero();

        CliRun added = firebreak("actions", "add", id, "--title", "Alert below 0.5 ETH", "--owner", "bob", "--due",
                "2026-12-01", "--priority", "high");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("HIGH\\s+OPEN\\s+2026-12-01\\s+bob\\s+Alert below 0.5 ETH");

        assertThat(firebreak("review", "submit", id).out().strip())
                .isEqualTo("The review of " + id + " is IN_REVIEW (next: DRAFT, PUBLISHED)");
        assertThat(firebreak("review", "publish", id).out().strip())
                .isEqualTo("The review of " + id + " is PUBLISHED (next: -)");

        CliRun shown = firebreak("review", "show", id);
        assertThat(shown.out()).startsWith("# Post-incident review: " + id + " Paymaster deposit drained")
                .contains("A sponsorship loop drained the paymaster")
                .contains("1. Why did operations fail? Because AA31 paymaster deposit too low")
                .contains("**KEY** #1").contains("_Context: Found by a dApp's support desk first_");

        Path pdf = Path.of("target/test-data/" + id + "-cli-review.pdf");
        CliRun exported = firebreak("review", "export", id, "--format", "pdf", "-o", pdf.toString());
        assertThat(exported.out()).startsWith("Wrote " + pdf);
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        CliRun archive = firebreak("review", "export", id, "--format", "json");
        assertThat(ApiClient.JSON.readTree(archive.out()).get("review").get("status").asString()).isEqualTo("PUBLISHED");

        assertThat(firebreak("incident", "status", id, "CLOSED").out()).contains(id + " is CLOSED");

        CliRun listed = firebreak("actions", "list", "--incident", id);
        assertThat(listed.out()).containsPattern("\\d+\\s+" + id + "\\s+HIGH\\s+OPEN\\s+2026-12-01");
        String item = listed.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(firebreak("actions", "update", item, "--status", "done").out()).containsPattern("HIGH\\s+DONE");

        CliRun analytics = firebreak("analytics", "--from", "2026-11-01", "--to", "2026-12-01");
        assertThat(analytics.exit()).as(analytics.err()).isZero();
        assertThat(analytics.out()).contains("percentiles by nearest-rank")
                .containsPattern("CRITICAL\\s+\\d+").contains("WEEK OF").contains("Action items created:");

        assertThat(firebreak("playbook", "overdue").out()).startsWith("ID");
        assertThat(firebreak("review", "export", id, "--format", "docx").err()).contains("use md, pdf, html or json");
    }
}
