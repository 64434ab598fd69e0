package org.firebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code firebreak alerts --incident} and {@code firebreak alerts split} against a running server. */
@FirebreakIntegrationTest
class AlertCliTests {

    @LocalServerPort
    int port;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anIncidentsGroupsAndAlertsAreListedAndOnlyAStormsGroupsSplitOut() {
        HttpApi api = new HttpApi(port);
        String alerts = String.join(",", List.of(0, 1, 2).stream().map(i -> """
                {"status": "firing", "fingerprint": "%s-%d", "labels": {"alertname": "Lag-%s", "node": "n%d"},
                 "annotations": {"summary": "Head lag on n%d"}}""".formatted(run, i, run, i, i)).toList());
        HttpApi.Response sent = api.postBearer("/api/v1/integrations/alertmanager/alertmanager",
                "devnet-alertmanager-secret", """
                        {"version": "4", "status": "firing", "receiver": "ops", "groupKey": "{}:{alertname=\\"Lag-%s\\"}",
                         "groupLabels": {"alertname": "Lag-%s"}, "alerts": [%s]}""".formatted(run, run, alerts));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("alerts").asInt()).isEqualTo(3);
        String incident = api.get("/api/v1/integrations/alertmanager/alerts/" + run + "-0").json().get("incident")
                .asString();

        CliRun listed = firebreak("alerts", "--incident", incident);
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("Lag-" + run).contains(run + "-0").contains(run + "-2")
                .containsPattern("Lag-" + run + "\\s+alertmanager\\s+3\\s+3");

        CliRun refused = firebreak("alerts", "split", incident, "999999");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains(incident + " took in no alert group 999999");
    }

    private CliRun firebreak(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server=http://127.0.0.1:" + port);
        all.add("--token=" + new HttpApi(port).tokenFor("dana", Role.RESPONDER));
        return CliRun.of(all.toArray(String[]::new));
    }
}
