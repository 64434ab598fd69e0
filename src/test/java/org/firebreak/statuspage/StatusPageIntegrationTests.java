package org.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
 * The public status page over HTTP, on a store of its own: a Critical incident on "delegations" shows as a major
 * outage in the very next request, in the HTML, the Statuspage v2 JSON and the Atom feed, with its public updates
 * (never the internal ones); resolved, it is history.
 */
@FirebreakIntegrationTest
class StatusPageIntegrationTests {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("firebreak.statuspage.name", () -> "Status page test");
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void aCriticalIncidentOnDelegationsIsAMajorOutageAtOnceAndOperationalAgainOnceResolved() {
        HttpApi api = new HttpApi(port).as("alice");
        JsonNode calm = summary();
        assertThat(calm.at("/status/indicator").asString()).isEqualTo("none");
        assertThat(calm.at("/status/description").asString()).isEqualTo("All Systems Operational");
        assertThat(statuses(calm)).containsExactly("rpc=operational", "account-creation=operational",
                "user-operations=operational", "delegations=operational", "gas-network=operational");

        api.post("/api/v1/incidents", "{\"title\": \"Delegation expires Friday\", \"severity\": \"LOW\","
                + " \"components\": [\"delegations\"]}");
        String id = api.post("/api/v1/incidents", "{\"title\": \"Redemptions revert\", \"criteria\": [\"funds at risk\"],"
                + " \"type\": \"DELEGATION_FAILURE\", \"components\": [\"delegations\"]}").json().get("id").asString();

        JsonNode outage = summary();
        assertThat(outage.at("/status/indicator").asString()).isEqualTo("critical");
        assertThat(outage.at("/status/description").asString()).isEqualTo("Major System Outage");
        assertThat(statuses(outage)).contains("delegations=major_outage", "rpc=operational");
        assertThat(outage.get("incidents")).as("the Low incident stays internal").hasSize(1);
        JsonNode incident = outage.get("incidents").get(0);
        assertThat(incident.get("id").asString()).isEqualTo(id);
        assertThat(incident.get("name").asString()).isEqualTo("Redemptions revert");
        assertThat(incident.get("status").asString()).isEqualTo("investigating");
        assertThat(incident.get("impact").asString()).isEqualTo("critical");
        assertThat(incident.at("/components/0/id").asString()).isEqualTo("delegations");
        assertThat(incident.has("incident_updates")).isTrue();
        assertThat(incident.has("started_at")).isTrue();
        assertThat(api.get("/status/api/v2/status.json").json().at("/status/indicator").asString()).isEqualTo("critical");

        String html = api.get("/status").body();
        assertThat(html).contains("Major System Outage").contains("Redemptions revert")
                .containsPattern("(?s)id=\"component-delegations\".*?Major outage</div>")
                .doesNotContain("Delegation expires Friday");
        HttpApi.Response atom = api.get("/status/history.atom");
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("<title>Redemptions revert</title>").contains("investigating (impact critical)");

        api.post("/api/v1/incidents/" + id + "/updates", "{\"text\": \"A paused DelegationManager; unpausing.\","
                + " \"status\": \"identified\", \"visibility\": \"public\"}");
        api.post("/api/v1/incidents/" + id + "/updates", "{\"text\": \"Guardian key rotation in progress\","
                + " \"status\": \"identified\", \"visibility\": \"internal\"}");
        JsonNode identified = summary().at("/incidents/0");
        assertThat(identified.get("status").asString()).isEqualTo("identified");
        assertThat(identified.get("incident_updates")).singleElement()
                .satisfies(u -> assertThat(u.get("body").asString()).isEqualTo("A paused DelegationManager; unpausing."));
        assertThat(api.get("/status").body()).contains("A paused DelegationManager; unpausing.")
                .doesNotContain("Guardian key rotation");

        clock.advance(Duration.ofMinutes(20));
        api.post("/api/v1/incidents/" + id + "/updates", "{\"text\": \"Unpaused; watching redemptions.\","
                + " \"status\": \"monitoring\", \"visibility\": \"public\"}");
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"MITIGATED\"}");
        assertThat(summary().at("/incidents/0/status").asString()).isEqualTo("monitoring");
        api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"RESOLVED\"}");

        JsonNode after = summary();
        assertThat(after.at("/status/indicator").asString()).isEqualTo("none");
        assertThat(statuses(after)).contains("delegations=operational");
        assertThat(after.get("incidents")).isEmpty();
        assertThat(api.get("/status").body()).contains("Past incidents").contains("Redemptions revert");
        assertThat(api.get("/status/history.atom").body()).contains("resolved (impact critical)");
    }

    @Test
    void aMaintenanceWindowOnTheSponsorIsScheduledMaintenanceAndItsComponentUnderMaintenance() {
        HttpApi api = new HttpApi(port).as("dave");
        long window = api.post("/api/v1/silences", "{\"kind\": \"MAINTENANCE\", \"component\": \"paymaster\","
                + " \"endsAt\": \"" + clock.instant().plus(Duration.ofHours(2)) + "\", \"reason\": \"Paymaster top-up\"}")
                .json().get("id").asLong();

        JsonNode s = summary();
        assertThat(statuses(s)).contains("user-operations=under_maintenance");
        assertThat(s.at("/scheduled_maintenances/0/name").asString()).isEqualTo("Paymaster top-up");
        assertThat(s.at("/scheduled_maintenances/0/status").asString()).isEqualTo("in_progress");
        assertThat(s.at("/scheduled_maintenances/0/components/0/id").asString()).isEqualTo("user-operations");

        api.post("/api/v1/silences/" + window + "/end", "");
        assertThat(statuses(summary())).contains("user-operations=operational");
        assertThat(summary().get("scheduled_maintenances")).isEmpty();
    }

    private JsonNode summary() {
        HttpApi.Response r = new HttpApi(port).get("/status/api/v2/summary.json");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static List<String> statuses(JsonNode summary) {
        List<String> out = new ArrayList<>();
        summary.get("components").forEach(c -> out.add(c.get("id").asString() + "=" + c.get("status").asString()));
        return out;
    }
}
