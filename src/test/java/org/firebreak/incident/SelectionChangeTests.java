package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/incidents/bulk}: acknowledging or resolving a selection of incidents at once, over HTTP. */
@FirebreakIntegrationTest
class SelectionChangeTests {

    private static final String MISSING = "INC-987654321";

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    private HttpApi as(String name, Role role) {
        return new HttpApi(port).as(name, role);
    }

    private IncidentId open(String title, IncidentStatus... moves) {
        IncidentId id = incidents.open(anIncident().titled(title).withSeverity(Severity.LOW).build(), "reporter").id();
        for (IncidentStatus move : moves) {
            incidents.changeStatus(id, move, null, "reporter");
        }
        return id;
    }

    private static String body(String action, Object... ids) {
        List<String> quoted = new ArrayList<>();
        for (Object id : ids) {
            quoted.add("\"" + id + "\"");
        }
        return "{\"action\": \"" + action + "\", \"incidents\": [" + String.join(", ", quoted) + "], "
                + "\"note\": \"alert storm after block 40\"}";
    }

    private static JsonNode row(JsonNode result, Object id) {
        for (JsonNode row : result.get("incidents")) {
            if (row.get("id").asString().equals(id.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + result);
    }

    private static String rowText(JsonNode row) {
        return row.get("outcome").asString() + " " + row.get("status").asString() + " "
                + (row.get("reason").isNull() ? "-" : row.get("reason").asString());
    }

    private List<TimelineKind> kinds(IncidentId id) {
        return incidents.timeline(id).stream().map(TimelineEntry::kind).toList();
    }

    @Test
    void acknowledgingASelectionAcknowledgesTheTriggeredOnesAndLeavesTheOthersAsTheyAre() {
        IncidentId triggered = open("storm: bundler timeouts");
        IncidentId acknowledged = open("storm: paymaster low", IncidentStatus.ACKNOWLEDGED);
        IncidentId resolved = open("storm: gas spike", IncidentStatus.RESOLVED);
        List<TimelineKind> before = kinds(acknowledged);

        Response response = as("rhea", Role.RESPONDER).post("/api/v1/incidents/bulk",
                body("ACKNOWLEDGE", triggered, acknowledged, resolved, MISSING, "inc-" + triggered.number()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("action").asString()).isEqualTo("ACKNOWLEDGE");
        assertThat(result.get("incidents")).extracting(r -> r.get("id").asString()).as("in the order given, each once")
                .containsExactly(triggered.toString(), acknowledged.toString(), resolved.toString(), MISSING);
        assertThat(rowText(row(result, triggered))).isEqualTo("CHANGED ACKNOWLEDGED -");
        assertThat(rowText(row(result, acknowledged))).isEqualTo("UNCHANGED ACKNOWLEDGED already ACKNOWLEDGED");
        assertThat(rowText(row(result, resolved))).isEqualTo("UNCHANGED RESOLVED already RESOLVED");
        assertThat(row(result, MISSING).get("outcome").asString()).isEqualTo("NOT_FOUND");
        assertThat(row(result, MISSING).get("status").isNull()).isTrue();
        assertThat(row(result, MISSING).get("reason").asString()).isEqualTo("There is no incident " + MISSING);
        assertThat(List.of(result.get("changed").asInt(), result.get("unchanged").asInt(), result.get("refused").asInt(),
                result.get("notFound").asInt())).containsExactly(1, 2, 0, 1);

        assertThat(incidents.get(triggered).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        TimelineEntry change = incidents.timeline(triggered).stream()
                .filter(e -> e.kind() == TimelineKind.STATUS_CHANGED).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo("rhea");
        assertThat(change.text()).isEqualTo("Status TRIGGERED → ACKNOWLEDGED - alert storm after block 40");
        assertThat(kinds(acknowledged)).as("an unchanged incident gets no entry").isEqualTo(before);
    }

    @Test
    void resolvingASelectionResolvesEveryOpenOneAndSaysWhyTheStatusMachineRefusedAClosedOne() {
        IncidentId triggered = open("resolve: rpc lag");
        IncidentId investigating = open("resolve: factory reverts", IncidentStatus.INVESTIGATING);
        IncidentId resolved = open("resolve: stale head", IncidentStatus.RESOLVED);
        IncidentId closed = open("resolve: old alert", IncidentStatus.RESOLVED, IncidentStatus.CLOSED);
        List<TimelineKind> closedBefore = kinds(closed);

        JsonNode result = as("cora", Role.COMMANDER).post("/api/v1/incidents/bulk",
                body("RESOLVE", triggered, investigating, resolved, closed)).json();

        assertThat(rowText(row(result, triggered))).isEqualTo("CHANGED RESOLVED -");
        assertThat(rowText(row(result, investigating))).isEqualTo("CHANGED RESOLVED -");
        assertThat(rowText(row(result, resolved))).isEqualTo("UNCHANGED RESOLVED already RESOLVED");
        assertThat(rowText(row(result, closed))).isEqualTo("REFUSED CLOSED " + closed
                + " cannot move from CLOSED to RESOLVED; allowed from CLOSED: none (CLOSED is final)");
        assertThat(result.get("refused").asInt()).isEqualTo(1);
        for (IncidentId changed : List.of(triggered, investigating)) {
            TimelineEntry last = incidents.timeline(changed).getLast();
            assertThat(last.kind()).isEqualTo(TimelineKind.STATUS_CHANGED);
            assertThat(last.actor()).isEqualTo("cora");
            assertThat(last.after()).isEqualTo("RESOLVED");
            assertThat(last.text()).endsWith("→ RESOLVED - alert storm after block 40");
        }
        assertThat(kinds(closed)).isEqualTo(closedBefore);
    }

    @Test
    void aSelectionThatIsNotOneGets400NamingTheFieldAndChangesNothing() {
        IncidentId triggered = open("bad selection");
        HttpApi commander = as("cora", Role.COMMANDER);
        String tooMany = String.join(", ", IntStream.rangeClosed(1, 501).mapToObj(n -> "\"INC-" + n + "\"").toList());

        assertField(commander.post("/api/v1/incidents/bulk", "{\"action\": \"RESOLVE\", \"incidents\": []}"), "incidents")
                .contains("select at least one incident");
        assertField(commander.post("/api/v1/incidents/bulk", "{\"action\": \"RESOLVE\"}"), "incidents");
        assertField(commander.post("/api/v1/incidents/bulk", "{\"action\": \"RESOLVE\", \"incidents\": [" + tooMany + "]}"),
                "incidents").contains("501 incidents; at most 500");
        assertField(commander.post("/api/v1/incidents/bulk", body("PAUSE", triggered)), "action")
                .contains("'PAUSE' is not one of ACKNOWLEDGE, RESOLVE");
        assertField(commander.post("/api/v1/incidents/bulk", "{\"incidents\": [\"" + triggered + "\"]}"), "action");
        assertField(commander.post("/api/v1/incidents/bulk", body("RESOLVE", triggered, "INC-2", "banana", "INC-3")),
                "incidents[2]").contains("'banana' is not an incident id");
        assertField(commander.post("/api/v1/incidents/bulk", "{\"action\": \"RESOLVE\", \"incidents\": [\"" + triggered
                + "\", null]}"), "incidents[1]");
        assertField(commander.post("/api/v1/incidents/bulk", "{\"action\": \"RESOLVE\", \"incidents\": [\"" + triggered
                + "\"], \"note\": \"" + "n".repeat(2001) + "\"}"), "note");

        assertThat(incidents.get(triggered).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(kinds(triggered)).doesNotContain(TimelineKind.STATUS_CHANGED);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        return assertThat(response.json().get("detail").asString()).startsWith(field + ":");
    }

    @Test
    void viewersMayNotActOnASelectionAndRespondersMayAcknowledgeButNotResolve() {
        IncidentId id = open("roles on a selection");

        Response viewer = as("vera", Role.VIEWER).post("/api/v1/incidents/bulk", body("ACKNOWLEDGE", id));
        Response responderResolves = as("rhea", Role.RESPONDER).post("/api/v1/incidents/bulk", body("RESOLVE", id));

        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.json().get("detail").asString())
                .isEqualTo("vera is a viewer; POST /api/v1/incidents/bulk needs the role responder or higher");
        assertThat(responderResolves.status()).isEqualTo(403);
        assertThat(responderResolves.contentType()).startsWith("application/problem+json");
        assertThat(responderResolves.json().get("detail").asString())
                .isEqualTo("rhea is a responder; resolving a selection of incidents needs the role commander or higher");
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);

        assertThat(as("rhea", Role.RESPONDER).post("/api/v1/incidents/bulk", body("ACKNOWLEDGE", id)).status())
                .isEqualTo(200);
        assertThat(as("cora", Role.COMMANDER).post("/api/v1/incidents/bulk", body("RESOLVE", id)).status())
                .isEqualTo(200);
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void theOpenApiDocumentDescribesTheSelectionEndpoint() {
        JsonNode operation = new HttpApi(port).get("/v3/api-docs").json().get("paths").get("/api/v1/incidents/bulk")
                .get("post");

        assertThat(operation.get("summary").asString()).contains("ACKNOWLEDGE needs a responder, RESOLVE a commander");
        assertThat(operation.get("tags").get(0).asString()).isEqualTo("Incidents");
    }
}
