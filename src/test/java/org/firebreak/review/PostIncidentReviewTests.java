package org.firebreak.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.firebreak.support.Settle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A review from draft to published over HTTP, the close rule, and the errors on the way. */
@FirebreakIntegrationTest
class PostIncidentReviewTests {

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    HttpApi api;
    ReviewFixture fixture;

    @BeforeEach
    void client() {
        api = new HttpApi(port).as("alice");
        fixture = new ReviewFixture(api);
    }

    @Test
    void aCriticalIncidentClosesOnlyOnceItsReviewIsPublished() {
        String id = fixture.openCritical("Redemptions revert for every dApp");
        fixture.status(id, "ACKNOWLEDGED");
        fixture.status(id, "RESOLVED");
        // A new Critical incident's automated checks and notices' deliveries land on their own threads: let them,
        // so that what the refused close is measured against is the timeline as it stays.
        Settle.settle(incidents, IncidentId.parse(id));
        int entries = fixture.timelineSize(id);

        Response refused = api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"CLOSED\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo(id + " cannot be CLOSED yet: a CRITICAL incident "
                + "closes only once its post-incident review is PUBLISHED, and it has no review yet (start one: POST "
                + "/api/v1/incidents/" + id + "/review)");
        assertThat(fixture.timelineSize(id)).as("a refused close writes nothing").isEqualTo(entries);
        assertThat(api.get("/api/v1/incidents/" + id).json().get("status").asString()).isEqualTo("RESOLVED");

        fixture.startReview(id);
        fixture.complete(id);
        assertThat(api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"CLOSED\"}").json().get("detail")
                .asString()).endsWith("and its review is DRAFT");
        assertThat(fixture.submit(id).status()).isEqualTo(200);
        Response inReview = api.post("/api/v1/incidents/" + id + "/status", "{\"status\": \"CLOSED\"}");
        assertThat(inReview.status()).isEqualTo(409);
        assertThat(inReview.json().get("detail").asString()).endsWith("and its review is IN_REVIEW");

        Response published = fixture.publish(id);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedBy").asString()).isEqualTo("alice");

        assertThat(fixture.status(id, "CLOSED").get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aHighIncidentNeedsAPublishedReviewButAMediumOneClosesWithout() {
        String high = fixture.open("{\"title\": \"Bundler slow\", \"criteria\": [\"performance issues\"]}");
        fixture.status(high, "RESOLVED");
        assertThat(api.post("/api/v1/incidents/" + high + "/status", "{\"status\": \"CLOSED\"}").status()).isEqualTo(409);

        String medium = fixture.open("{\"title\": \"Explorer link broken\", \"criteria\": [\"user experience issues\"]}");
        fixture.status(medium, "RESOLVED");
        assertThat(fixture.status(medium, "CLOSED").get("status").asString()).isEqualTo("CLOSED");

        String low = fixture.open("{\"title\": \"Typo in the docs\", \"severity\": \"LOW\"}");
        fixture.status(low, "RESOLVED");
        fixture.startReview(low);
        assertThat(fixture.status(low, "CLOSED").get("status").asString()).as("an optional draft does not hold it back")
                .isEqualTo("CLOSED");
    }

    @Test
    void aReviewGoesToReviewOnlyWithThePlansDocumentationSet() {
        String id = fixture.openCritical("Paymaster deposit drained");
        JsonNode draft = fixture.startReview(id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("documentation").findValuesAsString("document"))
                .containsExactly("Incident report", "Root cause analysis", "Action items", "Timeline");

        Response refused = fixture.submit(id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("the review of " + id + " cannot go to review yet: "
                + "Incident report needs the incident resolved (it is TRIGGERED); Root cause analysis needs a summary "
                + "and at least one of fiveWhys; Action items needs at least one action item; Timeline needs at least "
                + "one key entry marked");

        fixture.complete(id);
        assertThat(fixture.submit(id).json().get("detail").asString()).endsWith("cannot go to review yet: Incident "
                + "report needs the incident resolved (it is TRIGGERED)");
        fixture.status(id, "RESOLVED");
        Response submitted = fixture.submit(id);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("submittedBy").asString()).isEqualTo("alice");
        submitted.json().get("documentation").forEach(d -> {
            assertThat(d.get("ready").asBoolean()).as(d.toString()).isTrue();
            assertThat(d.get("missing").isNull()).isTrue();
        });
    }

    @Test
    void reviewMovesTheStateMachineDoesNotAllowAreRefusedNamingTheAllowedOnes() {
        String id = fixture.openCritical("Factory code changed");
        fixture.status(id, "RESOLVED");
        fixture.startReview(id);
        assertThat(api.post("/api/v1/incidents/" + id + "/review", null).status()).as("one review per incident")
                .isEqualTo(409);

        Response early = fixture.publish(id);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).isEqualTo("the review of " + id
                + " cannot move from DRAFT to PUBLISHED; allowed from DRAFT: IN_REVIEW");

        fixture.complete(id);
        fixture.submit(id);
        Response edit = fixture.edit(id, "{\"summary\": \"late change\"}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asString()).isEqualTo("the review of " + id
                + " is IN_REVIEW; only a DRAFT takes edits (return it to DRAFT first)");

        Response noReason = api.post("/api/v1/incidents/" + id + "/review/return", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Response returned = api.as("bob").post("/api/v1/incidents/" + id + "/review/return",
                "{\"reason\": \"Add the paymaster's cost to the impact\"}");
        assertThat(returned.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(returned.json().get("returnedReason").asString()).isEqualTo("Add the paymaster's cost to the impact");
        assertThat(fixture.edit(id, "{\"impactNotes\": \"The paymaster paid for every failed operation.\"}").status())
                .isEqualTo(200);

        fixture.submit(id);
        fixture.publish(id);
        Response again = fixture.publish(id);
        assertThat(again.json().get("detail").asString()).isEqualTo("the review of " + id
                + " cannot move from PUBLISHED to PUBLISHED; allowed from PUBLISHED: none (PUBLISHED is final)");
        assertThat(fixture.mark(id, 2, "{\"key\": true}").status()).isEqualTo(409);
        assertThat(fixture.review(id).get("impactNotes").asString())
                .isEqualTo("The paymaster paid for every failed operation.");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String id = fixture.openCritical("Enforcer misconfigured");
        fixture.startReview(id);
        Response blankAnswer = fixture.edit(id, "{\"fiveWhys\": [{\"why\": \"Why?\", \"because\": \" \"}]}");
        assertThat(blankAnswer.status()).isEqualTo(400);
        assertThat(blankAnswer.json().get("errors").get(0).get("field").asString()).isEqualTo("fiveWhys[0].because");

        Response unknown = fixture.edit(id, "{\"rootCause\": \"typo\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("rootCause");

        Response noEntry = fixture.mark(id, 999, "{\"key\": true}");
        assertThat(noEntry.status()).isEqualTo(400);
        assertThat(noEntry.json().get("errors").get(0).get("field").asString()).isEqualTo("seq");

        Response noOwner = fixture.addActionItem(id, "{\"title\": \"Add an alert\", \"dueOn\": \"2026-12-01\"}");
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(noOwner.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");

        Response badPriority = fixture.addActionItem(id,
                "{\"title\": \"Add an alert\", \"owner\": \"bob\", \"dueOn\": \"2026-12-01\", \"priority\": \"ASAP\"}");
        assertThat(badPriority.json().get("detail").asString()).isEqualTo("priority: 'ASAP' is not one of HIGH, MEDIUM, LOW");

        assertThat(api.get("/api/v1/incidents/INC-99999/review").status()).isEqualTo(404);
        String other = fixture.openCritical("No review here");
        Response none = api.get("/api/v1/incidents/" + other + "/review");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).isEqualTo(other + " has no review yet; start one with POST "
                + "/api/v1/incidents/" + other + "/review");

        JsonNode review = fixture.review(id);
        assertThat(review.get("rootCause").get("fiveWhys")).isEmpty();
        assertThat(review.get("actionItems")).isEmpty();
    }

    @Test
    void theReviewTimelineIsTheRecordedOneWithTheAuthorsMarksBesideIt() {
        String id = fixture.openCritical("Delegations expired early");
        api.post("/api/v1/incidents/" + id + "/notes", "{\"text\": \"rolled back the TimestampEnforcer terms\"}");
        fixture.status(id, "MITIGATED");
        fixture.startReview(id);
        int noteSeq = seqOf(id, "rolled back the TimestampEnforcer terms");
        Response marked = fixture.mark(id, noteSeq, "{\"key\": true, \"context\": \"chosen over a pause: redemptions "
                + "of other delegations kept working\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);

        JsonNode recorded = api.get("/api/v1/incidents/" + id + "/timeline").json();
        JsonNode generated = marked.json().get("timeline");
        assertThat(generated).hasSize(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            for (String field : List.of("seq", "at", "actor", "kind", "text")) {
                assertThat(generated.get(i).get(field)).as(field + " of entry " + i).isEqualTo(recorded.get(i).get(field));
            }
            boolean isNote = recorded.get(i).get("seq").asInt() == noteSeq;
            assertThat(generated.get(i).get("key").asBoolean()).isEqualTo(isNote);
        }
        JsonNode note = generated.get(noteSeq - 1);
        assertThat(note.get("context").asString()).startsWith("chosen over a pause");
        assertThat(api.get("/api/v1/incidents/" + id + "/timeline").json().get(noteSeq - 1).get("text").asString())
                .as("the incident's own entry is untouched").isEqualTo("rolled back the TimestampEnforcer terms");

        JsonNode impact = marked.json().get("impact");
        assertThat(impact.get("phases").findValuesAsString("name"))
                .containsExactly("Detect → acknowledge", "Acknowledge → mitigate", "Mitigate → resolve");
        assertThat(impact.get("phases").get(2).get("to").isNull()).as("still mitigated: the last phase lasts").isTrue();
        assertThat(impact.get("timeToResolve").isNull()).isTrue();
        assertThat(impact.get("window").get("ongoing").asBoolean()).isTrue();
        assertThat(impact.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(impact.get("components").get(0).asString()).isEqualTo("delegations");
        assertThat(impact.get("chain").isNull()).isTrue();
        assertThat(impact.get("chainNote").asString()).startsWith("the chain could not be read: no chain profile");
    }

    private int seqOf(String id, String text) {
        List<Integer> seqs = new ArrayList<>();
        api.get("/api/v1/incidents/" + id + "/timeline").json()
                .forEach(e -> {
                    if (e.get("text").asString().equals(text)) {
                        seqs.add(e.get("seq").asInt());
                    }
                });
        assertThat(seqs).hasSize(1);
        return seqs.getFirst();
    }
}
