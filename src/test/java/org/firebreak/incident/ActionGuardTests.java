package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Actions change the world: they run only when confirmed, by the incident commander, and refusals are recorded. */
@FirebreakIntegrationTest
@Import(ActionGuardTests.DrillAction.class)
class ActionGuardTests {

    @LocalServerPort
    int port;

    @Autowired
    AtomicInteger drillRuns;

    private String openWithCommander(String commander) {
        String commanderField = commander == null ? "" : ", \"commander\": \"" + commander + "\"";
        return new HttpApi(port).post("/api/v1/incidents",
                "{\"title\": \"drill\", \"severity\": \"CRITICAL\"" + commanderField + "}").json().get("id").asString();
    }

    /** The incident's own entries: deliveries of its notices land on their own threads, anywhere among them. */
    private List<String> timeline(String id) {
        List<String> texts = new ArrayList<>();
        OwnEntries.of(new HttpApi(port).get("/api/v1/incidents/" + id + "/timeline").json())
                .forEach(e -> texts.add(e.get("kind").asString() + ": " + e.get("text").asString()));
        return texts;
    }

    @Test
    void anUnconfirmedActionIsRejectedNamingTheConfirmFieldAndDoesNotRun() {
        String id = openWithCommander("carol");
        int before = drillRuns.get();

        Response response = new HttpApi(port).as("carol").post("/api/v1/incidents/" + id + "/actions/drill-noop", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("confirm");
        assertThat(drillRuns.get()).isEqualTo(before);
    }

    @Test
    void onlyTheCommanderMayRunAnActionAndARefusalIsRecorded() {
        String id = openWithCommander("carol");
        int before = drillRuns.get();

        Response byBob = new HttpApi(port).as("bob").post("/api/v1/incidents/" + id + "/actions/drill-noop",
                "{\"confirm\": true}");

        assertThat(byBob.status()).isEqualTo(403);
        assertThat(byBob.json().get("detail").asString())
                .isEqualTo("only the incident commander (carol) may run actions, not bob");
        assertThat(drillRuns.get()).isEqualTo(before);
        assertThat(timeline(id).getLast()).startsWith("ACTION_REFUSED: Refused action:drill-noop: only the incident commander");
    }

    @Test
    void withoutACommanderNoActionRuns() {
        String id = openWithCommander(null);

        Response response = new HttpApi(port).as("carol").post("/api/v1/incidents/" + id + "/actions/drill-noop",
                "{\"confirm\": true}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).startsWith("assign an incident commander first");
    }

    @Test
    void theCommanderRunsAConfirmedActionAndItsOutcomeIsOnTheTimeline() {
        String id = openWithCommander("carol");
        int before = drillRuns.get();

        Response response = new HttpApi(port).as("carol").post("/api/v1/incidents/" + id + "/actions/drill-noop",
                "{\"confirm\": true}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(drillRuns.get()).isEqualTo(before + 1);
        assertThat(timeline(id).getLast())
                .isEqualTo("ACTION_RAN: Ran action:drill-noop: OK - drill ran (tx 0xabc)");
    }

    @Test
    void anUnknownActionIsA400NamingTheAction() {
        String id = openWithCommander("carol");
        Response response = new HttpApi(port).as("carol").post("/api/v1/incidents/" + id + "/actions/launch-missiles",
                "{\"confirm\": true}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
    }

    /** A harmless action that only counts its runs: the guard is under test, not the action. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DrillAction {

        @Bean
        AtomicInteger drillRuns() {
            return new AtomicInteger();
        }

        @Bean
        StepExecutor drillNoop(AtomicInteger drillRuns) {
            return new StepExecutor() {
                @Override
                public String automation() {
                    return "action:drill-noop";
                }

                @Override
                public StepOutcome run(StepRun run) {
                    drillRuns.incrementAndGet();
                    return new StepOutcome(StepOutcome.Result.OK, "drill ran", Map.of("txHash", "0xabc"));
                }
            };
        }
    }
}
