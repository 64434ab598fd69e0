package org.firebreak.console.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.OpenIncidentBuilder.anIncident;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.review.ActionItemApi;
import org.firebreak.review.ActionItemStatus;
import org.firebreak.review.ActionItemView;
import org.firebreak.review.ActionPriority;
import org.firebreak.review.NewActionItem;
import org.firebreak.review.ReviewApi;
import org.firebreak.review.ReviewStatus;
import org.firebreak.review.ReviewView;
import org.firebreak.shared.Severity;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's review list, review editor and action-item list over real HTTP, posting the forms a browser posts.
 * The clock stands at 2026-11-25T03:00Z.
 */
@FirebreakIntegrationTest
class ReviewConsoleTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OwnSchema.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    IncidentApi incidents;

    @Autowired
    ReviewApi reviews;

    @Autowired
    ActionItemApi actionItems;

    @Test
    void theEditorSavesTheRootCauseAndMovesTheReviewFromDraftToPublished() {
        IncidentId id = resolvedIncident("Redemptions revert after enforcer change");
        HttpApi http = new HttpApi(port);
        String editor = "/reviews/" + id + "/edit";

        HttpApi.Response started = http.form("/reviews", Map.of("incident", id.toString()));
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).endsWith(editor + "?saved=started");
        assertThat(http.get("/reviews?status=DRAFT").body().replaceAll("\\s+", " "))
                .contains(">" + id + "</a> <span>Redemptions revert after enforcer change</span>")
                .contains("href=\"" + editor + "\"");

        Map<String, Object> rootCause = new LinkedHashMap<>();
        rootCause.put("summary", "The enforcer's terms changed without a staged rollout");
        rootCause.put("contributingFactors", "No staged rollout\n\n  No alert on failures  \n");
        rootCause.put("why", List.of("Why did redemptions revert?", "", "Why was the delegate wrong?"));
        rootCause.put("because", List.of("InvalidDelegate()", "", "The session key rotated"));
        HttpApi.Response saved = http.form("/reviews/" + id + "/root-cause", rootCause);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith(editor + "?saved=root-cause");
        ReviewView review = reviews.get(id);
        assertThat(review.rootCause().summary()).isEqualTo("The enforcer's terms changed without a staged rollout");
        assertThat(review.rootCause().contributingFactors()).containsExactly("No staged rollout", "No alert on failures");
        assertThat(review.rootCause().fiveWhys()).extracting(w -> w.why() + " " + w.because())
                .containsExactly("Why did redemptions revert? InvalidDelegate()",
                        "Why was the delegate wrong? The session key rotated");
        assertThat(http.get(editor + "?saved=root-cause").body()).contains("Root cause saved.")
                .contains("The enforcer&#39;s terms changed without a staged rollout</textarea>");

        HttpApi.Response early = http.form("/reviews/" + id + "/submit", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("cannot go to review yet").contains("at least one key entry marked");
        assertThat(reviews.get(id).status()).isEqualTo(ReviewStatus.DRAFT);

        assertThat(http.form("/reviews/" + id + "/timeline/1", Map.of("key", "true", "context", "first report"))
                .status()).isEqualTo(302);
        assertThat(http.form("/reviews/" + id + "/action-items", Map.of("title", "Alert on redemption failures",
                "owner", "bob", "dueOn", "2026-12-15", "priority", "HIGH")).status()).isEqualTo(302);
        assertThat(reviews.get(id).timeline().getFirst().key()).isTrue();
        assertThat(reviews.get(id).actionItems()).extracting(ActionItemView::title)
                .containsExactly("Alert on redemption failures");

        assertThat(http.form("/reviews/" + id + "/submit", Map.of()).location()).endsWith(editor + "?saved=submit");
        assertThat(reviews.get(id).status()).isEqualTo(ReviewStatus.IN_REVIEW);
        HttpApi.Response unexplained = http.form("/reviews/" + id + "/return", Map.of("reason", " "));
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.body()).contains("reason: say what the author should change");
        assertThat(http.form("/reviews/" + id + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(reviews.get(id).status()).isEqualTo(ReviewStatus.PUBLISHED);

        String published = http.get(editor).body();
        assertThat(published).contains("id=\"review-status\">PUBLISHED</span>")
                .doesNotContain("action=\"/reviews/" + id + "/root-cause\"")
                .contains("href=\"/api/v1/incidents/" + id + "/review/export.pdf\"")
                .contains("href=\"/api/v1/incidents/" + id + "/review/export.md\"")
                .contains("href=\"/api/v1/incidents/" + id + "/review/archive\"");
        assertThat(http.get("/reviews/" + id).body()).as("the document the PDF is made from")
                .contains("The enforcer&#39;s terms changed without a staged rollout");
        HttpApi.Response pdf = http.get("/api/v1/incidents/" + id + "/review/export.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
    }

    @Test
    void badInputComesBackWithTheFieldNamedAndChangesNothing() {
        IncidentId id = resolvedIncident("Paymaster deposit ran dry");
        reviews.start(id, "alice");
        HttpApi http = new HttpApi(port);
        assertThat(http.form("/reviews/" + id + "/root-cause", Map.of("summary", "first")).status()).isEqualTo(302);

        Map<String, Object> halfWhy = new LinkedHashMap<>();
        halfWhy.put("summary", "changed");
        halfWhy.put("why", List.of("Why did the deposit run dry?"));
        halfWhy.put("because", List.of(""));
        HttpApi.Response bad = http.form("/reviews/" + id + "/root-cause", halfWhy);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("fiveWhys[0].because: give both the question and its answer, or neither")
                .contains("id=\"fiveWhys[0].because-error\"").contains(">changed</textarea>")
                .contains("value=\"Why did the deposit run dry?\"");
        assertThat(reviews.get(id).rootCause().summary()).isEqualTo("first");

        HttpApi.Response tooLong = http.form("/reviews/" + id + "/root-cause", Map.of("summary", "x".repeat(8001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("summary: size must be between 0 and 8000");
        assertThat(reviews.get(id).rootCause().summary()).isEqualTo("first");

        HttpApi.Response badDay = http.form("/reviews/" + id + "/action-items", Map.of("title", "Top up alert",
                "owner", "bob", "dueOn", "next week", "priority", "HIGH"));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.body()).contains("dueOn: &#39;next week&#39; is not a date such as 2026-12-31")
                .contains("value=\"Top up alert\"");
        HttpApi.Response noOwner = http.form("/reviews/" + id + "/action-items", Map.of("title", "Top up alert",
                "owner", " ", "dueOn", "2026-12-01"));
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(noOwner.body()).contains("owner: must not be blank");
        assertThat(reviews.get(id).actionItems()).isEmpty();

        assertThat(http.form("/reviews", Map.of("incident", id.toString())).status()).as("one review per incident")
                .isEqualTo(409);
        HttpApi.Response unknown = http.form("/reviews", Map.of("incident", "INC-9999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no incident INC-9999");
        assertThat(http.get("/reviews/INC-9999/edit").status()).isEqualTo(404);
    }

    @Test
    void actionItemsAreListedAcrossIncidentsWithOverdueOnesSaidInWordsAndChangedByForm() {
        IncidentId first = resolvedIncident("Bundler stalled");
        IncidentId second = resolvedIncident("Factory reverts");
        reviews.start(first, "alice");
        reviews.start(second, "alice");
        ActionItemView late = actionItems.add(first, new NewActionItem("Bundler health alert", "bob",
                LocalDate.parse("2026-11-20"), ActionPriority.HIGH), "alice");
        ActionItemView due = actionItems.add(second, new NewActionItem("Factory canary", "carol",
                LocalDate.parse("2026-12-20"), null), "alice");
        HttpApi http = new HttpApi(port);

        String open = http.get("/action-items").body().replaceAll("\\s+", " ");
        assertThat(open).contains("<tr id=\"item-" + late.id() + "\" class=\"overdue\">")
                .contains("<span>2026-11-20</span> <span class=\"state state-PROBLEM\">overdue by 5 days</span>")
                .contains("<tr id=\"item-" + due.id() + "\">").contains("<span class=\"small\">Factory reverts</span>");
        assertThat(open.split("overdue by").length - 1).isEqualTo(1);
        assertThat(http.get("/action-items?show=overdue").body()).contains("Bundler health alert")
                .doesNotContain("Factory canary");
        assertThat(http.get("/action-items?owner=carol").body()).contains("Factory canary").contains("1–1 of 1")
                .doesNotContain("Bundler health alert");

        HttpApi.Response done = http.form("/action-items/" + late.id(), Map.of("status", "DONE", "owner", "dana",
                "dueOn", "2026-11-20", "show", "open", "ownerFilter", ""));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).endsWith("/action-items?show=open&owner=&saved=" + late.id());
        ActionItemView changed = actionItems.get(late.id());
        assertThat(changed.status()).isEqualTo(ActionItemStatus.DONE);
        assertThat(changed.owner()).isEqualTo("dana");
        assertThat(http.get("/action-items?show=done").body()).contains("Bundler health alert")
                .doesNotContain("Factory canary").doesNotContain("overdue by");

        HttpApi.Response refused = http.form("/action-items/" + late.id(), Map.of("status", "IN_PROGRESS",
                "owner", "erin", "dueOn", "2026-11-20", "show", "done"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("cannot move from DONE to IN_PROGRESS");
        assertThat(actionItems.get(late.id()).owner()).as("nothing changed").isEqualTo("dana");
    }

    private IncidentId resolvedIncident(String title) {
        IncidentId id = incidents.open(anIncident().titled(title).withSeverity(Severity.HIGH).build(), "alice").id();
        incidents.changeStatus(id, IncidentStatus.RESOLVED, "fixed", "alice");
        return id;
    }
}
