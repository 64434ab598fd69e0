package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code firebreak account ...} and {@code firebreak token ...}: accounts and tokens from the command line. */
@FirebreakIntegrationTest
class AccountCliTests {

    @LocalServerPort
    int port;

    private String server() {
        return "--server=http://127.0.0.1:" + port;
    }

    private CliRun asAdmin(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = server();
        all[args.length + 1] = "--token=" + new HttpApi(port).tokenFor("cli-admin", Role.ADMIN);
        return CliRun.of(all);
    }

    @Test
    void anAdminAddsACommanderWhoGetsATokenAndWorksWithIt() {
        CliRun added = asAdmin("account", "add", "dora", "--role", "commander", "--name", "Dora Oncall");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("account dora (commander) created").containsPattern("password: \\S{20,}");

        CliRun token = asAdmin("token", "create", "--name", "dora laptop", "--account", "dora");
        assertThat(token.exit()).as(token.err()).isZero();
        String value = token.out().strip();
        assertThat(value).startsWith("fbk_");

        CliRun opened = CliRun.of("incident", "open", "--title", "Bundler rejects operations", "--criteria",
                "functionality degraded", server(), "--token=" + value);
        assertThat(opened.exit()).as(opened.err()).isZero();
        CliRun timeline = CliRun.of("incident", "timeline", opened.out().split("\\s+")[0], server(), "--token=" + value);
        assertThat(timeline.out()).contains("dora");

        CliRun refused = CliRun.of("account", "list", server(), "--token=" + value);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("firebreak: dora is a commander; GET /api/v1/accounts needs the role admin or higher");

        CliRun list = asAdmin("account", "list");
        assertThat(list.out()).containsPattern("dora\\s+COMMANDER\\s+true\\s+true\\s+Dora Oncall");
    }

    @Test
    void aRevokedTokenAndAMissingOneSaySoInOneLine() throws Exception {
        String value = asAdmin("token", "create", "--name", "short-lived").out().strip();
        Path file = Files.createTempFile("firebreak-token", ".txt");
        Files.writeString(file, value + "\n");
        CliRun viaFile = CliRun.of("incident", "list", server(), "--token-file=" + file);
        assertThat(viaFile.exit()).as(viaFile.err()).isZero();

        String id = "";
        for (var t : tools.jackson.databind.json.JsonMapper.builder().build().readTree(asAdmin("token", "list", "--json").out())) {
            if (t.get("name").asString().equals("short-lived")) {
                id = t.get("id").asString();
            }
        }
        CliRun revoked = asAdmin("token", "revoke", id);
        assertThat(revoked.out()).contains("(short-lived) revoked");
        CliRun refused = CliRun.of("incident", "list", server(), "--token-file=" + file);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("unknown, revoked or expired");

        CliRun none = CliRun.of("incident", "list", server(), "--token-file=" + file + ".missing");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err().lines()).hasSize(1);
        assertThat(none.err()).contains("no API token: set FIREBREAK_TOKEN, --token or --token-file");

        CliRun badRole = asAdmin("account", "add", "eve", "--role", "boss");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err().strip()).isEqualTo("firebreak: --role: 'boss' is not a role: viewer, responder, commander or admin");
    }
}
