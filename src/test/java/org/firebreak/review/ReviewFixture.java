package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;

import tools.jackson.databind.JsonNode;

/** Drives incidents and their reviews over the real HTTP API, for the review tests. */
final class ReviewFixture {

    static final String SUMMARY = "A caveat enforcer change made every redemption of the watched delegation revert";

    private final HttpApi api;

    ReviewFixture(HttpApi api) {
        this.api = api;
    }

    /** Opens an incident from JSON and returns its id. */
    String open(String json) {
        Response response = api.post("/api/v1/incidents", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    String openCritical(String title) {
        return open("""
                {"title": "%s", "criteria": ["funds at risk"], "type": "DELEGATION_FAILURE",
                 "components": ["delegations"], "commander": "alice"}""".formatted(title));
    }

    JsonNode status(String id, String status) {
        Response response = api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"" + status + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode startReview(String id) {
        Response response = api.post("/api/v1/incidents/" + id + "/review", null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    Response edit(String id, String json) {
        return api.send("PATCH", "/api/v1/incidents/" + id + "/review", json);
    }

    Response mark(String id, int seq, String json) {
        return api.put("/api/v1/incidents/" + id + "/review/timeline/" + seq, json);
    }

    Response addActionItem(String id, String json) {
        return api.post("/api/v1/incidents/" + id + "/review/action-items", json);
    }

    /** Writes everything the documentation set needs: RCA summary and whys, a key entry, an action item. */
    void complete(String id) {
        Response edited = edit(id, """
                {"summary": "%s",
                 "contributingFactors": ["The enforcer's terms were changed without a staged rollout",
                                         "No alert on the redemption failure ratio"],
                 "fiveWhys": [{"why": "Why did redemptions revert?", "because": "InvalidDelegate() from the DelegationManager"},
                              {"why": "Why was the delegate wrong?", "because": "The dApp rotated its session key"}],
                 "impactNotes": "Two dApps could not act for their users for 40 minutes.",
                 "wentWell": ["Detection opened the incident within a second"],
                 "wentBadly": ["The pause waited for the commander"],
                 "lucky": ["It happened during business hours"]}""".formatted(SUMMARY));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Response marked = mark(id, 1, "{\"key\": true, \"context\": \"The first report came from a dApp's support desk\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Response item = addActionItem(id, """
                {"title": "Alert on the redemption failure ratio", "owner": "bob", "dueOn": "2026-12-15", "priority": "HIGH"}""");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
    }

    Response submit(String id) {
        return api.post("/api/v1/incidents/" + id + "/review/submit", null);
    }

    Response publish(String id) {
        return api.post("/api/v1/incidents/" + id + "/review/publish", null);
    }

    JsonNode review(String id) {
        Response response = api.get("/api/v1/incidents/" + id + "/review");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The incident's own entries and the review's, less deliveries that land on their own threads at any time. */
    int timelineSize(String id) {
        return (int) api.get("/api/v1/incidents/" + id + "/timeline").json().valueStream()
                .filter(e -> !e.get("kind").asString().equals("NOTIFICATION")).count();
    }
}
