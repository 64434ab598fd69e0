package org.firebreak.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.incident.TimelineKind;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the REST API, the CLI and the review page do with post-incident reviews. Each change runs in one transaction
 * that locks the review's row and writes the change with its note on the incident's timeline.
 */
@Service
public class ReviewApi {

    /** The format name of {@link #archive}, for whoever reads an archive years later. */
    public static final String ARCHIVE_FORMAT = "firebreak-incident-archive/1";

    private final Reviews reviews;
    private final ActionItems actionItems;
    private final IncidentApi incidents;
    private final ImpactCalculator impact;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReviewApi(Reviews reviews, ActionItems actionItems, IncidentApi incidents, ImpactCalculator impact,
            TransactionTemplate tx, Clock clock) {
        this.reviews = reviews;
        this.actionItems = actionItems;
        this.incidents = incidents;
        this.impact = impact;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts the incident's review as a DRAFT by {@code author}; one review per incident. */
    public ReviewView start(IncidentId id, String author) {
        IncidentView incident = incidents.get(id);
        try {
            tx.executeWithoutResult(status -> {
                if (reviews.find(id).isPresent()) {
                    throw alreadyStarted(id);
                }
                reviews.insert(Review.start(id, author, clock.instant()));
                incidents.record(id, TimelineKind.NOTE, "Post-incident review started by " + author, author);
            });
        } catch (DuplicateKeyException e) {
            throw alreadyStarted(id);
        }
        return view(incident, load(id));
    }

    private static ReviewConflict alreadyStarted(IncidentId id) {
        return new ReviewConflict(id + " already has a review; edit it with PATCH /api/v1/incidents/" + id + "/review");
    }

    public ReviewView get(IncidentId id) {
        return view(incidents.get(id), load(id));
    }

    /** One page of reviews across incidents, most recently changed first; {@code status} null for all. */
    public ReviewList list(@Nullable ReviewStatus status, int page, int size) {
        return new ReviewList(reviews.list(status, size, page * size), reviews.count(status), page, size);
    }

    /** Edits a DRAFT: the fields given replace what was there. */
    public ReviewView edit(IncidentId id, ReviewEdit edit, String actor) {
        return change(id, review -> review.edit(edit, clock.instant()));
    }

    /** Marks a recorded timeline entry as key and/or gives it context; the entry itself stays as recorded. */
    public ReviewView mark(IncidentId id, int seq, TimelineAnnotation annotation, String actor) {
        List<TimelineEntry> timeline = incidents.timeline(id);
        if (timeline.stream().noneMatch(e -> e.seq() == seq)) {
            throw new InvalidReviewInput("seq", id + " has no timeline entry " + seq + "; entries are numbered 1 to "
                    + timeline.size());
        }
        return change(id, review -> review.mark(seq, annotation, actor, clock.instant()));
    }

    /** DRAFT → IN_REVIEW; refused while a document of the plan's set is missing. */
    public ReviewView submit(IncidentId id, String actor) {
        IncidentView incident = incidents.get(id);
        return change(id, review -> {
            List<String> missing = documentation(incident, review, actionItems.ofIncident(id).size()).stream()
                    .filter(d -> !d.ready()).map(d -> d.document() + " needs " + d.missing()).toList();
            review.submit(missing, actor, clock.instant());
            incidents.record(id, TimelineKind.NOTE, "Post-incident review submitted for review by " + actor, actor);
        });
    }

    /** IN_REVIEW → DRAFT with the reviewer's reason. */
    public ReviewView returnToDraft(IncidentId id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidReviewInput("reason", "say what the author should change");
        }
        return change(id, review -> {
            review.returnToDraft(reason, clock.instant());
            incidents.record(id, TimelineKind.NOTE, "Post-incident review returned to draft by " + actor + ": "
                    + reason.strip(), actor);
        });
    }

    /** IN_REVIEW → PUBLISHED, for a resolved (or closed) incident; the impact is frozen as computed now. */
    public ReviewView publish(IncidentId id, String actor) {
        IncidentView incident = incidents.get(id);
        if (incident.resolvedAt() == null) {
            throw new ReviewConflict("the review of " + id + " cannot be published while the incident is "
                    + incident.status() + ": resolve it first");
        }
        ImpactAssessment frozen = impact.assess(incident);
        return change(id, review -> {
            review.publish(frozen, actor, clock.instant());
            incidents.record(id, TimelineKind.NOTE, "Post-incident review published by " + actor, actor);
        });
    }

    /** The whole incident for archiving: the incident with its checklist and findings, its timeline, its review. */
    public IncidentArchive archive(IncidentId id) {
        IncidentView incident = incidents.get(id);
        ReviewView review = reviews.find(id).map(r -> view(incident, r)).orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new IncidentArchive(ARCHIVE_FORMAT, clock.instant(), incident, incidents.timeline(id), review,
                actionItems.ofIncident(id).stream().map(r -> r.view(today)).toList());
    }

    /** The whole incident as {@link #archive} returns it. */
    public record IncidentArchive(String format, Instant exportedAt, IncidentView incident, List<TimelineEntry> timeline,
            @Nullable ReviewView review, List<ActionItemView> actionItems) {
    }

    /** The review's status, if the incident has a review. */
    java.util.Optional<ReviewStatus> status(IncidentId id) {
        return reviews.status(id);
    }

    private ReviewView change(IncidentId id, Consumer<Review> change) {
        tx.executeWithoutResult(status -> {
            Review review = reviews.findForUpdate(id).orElseThrow(() -> new ReviewNotFound(id));
            change.accept(review);
            reviews.update(review);
        });
        return get(id);
    }

    private Review load(IncidentId id) {
        return reviews.find(id).orElseThrow(() -> new ReviewNotFound(id));
    }

    private ReviewView view(IncidentView incident, Review r) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ActionItemView> items = actionItems.ofIncident(incident.id()).stream().map(row -> row.view(today)).toList();
        List<ReviewTimelineEntry> timeline = incidents.timeline(incident.id()).stream().map(e -> {
            Review.Mark mark = r.marks.get(e.seq());
            return new ReviewTimelineEntry(e.seq(), e.at(), e.actor(), e.kind(), e.text(), mark != null && mark.key(),
                    mark == null ? null : mark.context());
        }).toList();
        ImpactAssessment assessed = r.publishedImpact != null ? r.publishedImpact : impact.assess(incident);
        return new ReviewView(incident, r.status, r.status.allowedNext(), r.author, r.startedAt, r.updatedAt,
                r.submittedAt, r.submittedBy, r.returnedReason, r.publishedAt, r.publishedBy,
                new RootCause(r.summary, r.contributingFactors, r.fiveWhys), r.impactNotes, assessed,
                new Lessons(r.wentWell, r.wentBadly, r.lucky), timeline, items,
                documentation(incident, r, items.size()));
    }

    /** The plan's documentation set: incident report, root cause analysis, action items, timeline. */
    static List<DocumentStatus> documentation(IncidentView incident, Review r, int actionItemCount) {
        List<DocumentStatus> set = new ArrayList<>();
        set.add(incident.resolvedAt() != null ? ready("Incident report")
                : new DocumentStatus("Incident report", false, "the incident resolved (it is " + incident.status() + ")"));
        List<String> rca = new ArrayList<>();
        if (r.summary.isBlank()) {
            rca.add("a summary");
        }
        if (r.fiveWhys.isEmpty()) {
            rca.add("at least one of fiveWhys");
        }
        set.add(rca.isEmpty() ? ready("Root cause analysis")
                : new DocumentStatus("Root cause analysis", false, String.join(" and ", rca)));
        set.add(actionItemCount > 0 ? ready("Action items")
                : new DocumentStatus("Action items", false, "at least one action item"));
        set.add(r.marks.values().stream().anyMatch(Review.Mark::key) ? ready("Timeline")
                : new DocumentStatus("Timeline", false, "at least one key entry marked"));
        return set;
    }

    private static DocumentStatus ready(String document) {
        return new DocumentStatus(document, true, null);
    }
}
