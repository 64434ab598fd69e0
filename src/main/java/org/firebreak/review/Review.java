package org.firebreak.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.firebreak.incident.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * The review aggregate: it guards its own states. Only a DRAFT takes edits and timeline marks; submitting needs the
 * documentation set complete; publishing freezes the impact; a PUBLISHED review is final.
 */
final class Review {

    final IncidentId incident;
    ReviewStatus status;
    final String author;
    String summary;
    List<String> contributingFactors;
    List<Why> fiveWhys;
    String impactNotes;
    List<String> wentWell;
    List<String> wentBadly;
    List<String> lucky;
    final Instant startedAt;
    Instant updatedAt;
    @Nullable Instant submittedAt;
    @Nullable String submittedBy;
    @Nullable String returnedReason;
    @Nullable Instant publishedAt;
    @Nullable String publishedBy;
    @Nullable ImpactAssessment publishedImpact;
    final int version;
    final Map<Integer, Mark> marks;
    final List<Mark> changedMarks = new ArrayList<>();

    /** The author's mark on one timeline entry. */
    record Mark(int seq, boolean key, @Nullable String context, String by, Instant at) {
    }

    Review(IncidentId incident, ReviewStatus status, String author, String summary, List<String> contributingFactors,
            List<Why> fiveWhys, String impactNotes, List<String> wentWell, List<String> wentBadly, List<String> lucky,
            Instant startedAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable String submittedBy,
            @Nullable String returnedReason, @Nullable Instant publishedAt, @Nullable String publishedBy,
            @Nullable ImpactAssessment publishedImpact, int version, List<Mark> marks) {
        this.incident = incident;
        this.status = status;
        this.author = author;
        this.summary = summary;
        this.contributingFactors = List.copyOf(contributingFactors);
        this.fiveWhys = List.copyOf(fiveWhys);
        this.impactNotes = impactNotes;
        this.wentWell = List.copyOf(wentWell);
        this.wentBadly = List.copyOf(wentBadly);
        this.lucky = List.copyOf(lucky);
        this.startedAt = startedAt;
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.returnedReason = returnedReason;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.publishedImpact = publishedImpact;
        this.version = version;
        this.marks = new LinkedHashMap<>();
        marks.forEach(m -> this.marks.put(m.seq(), m));
    }

    static Review start(IncidentId incident, String author, Instant now) {
        return new Review(incident, ReviewStatus.DRAFT, author, "", List.of(), List.of(), "", List.of(), List.of(),
                List.of(), now, now, null, null, null, null, null, null, 0, List.of());
    }

    void edit(ReviewEdit edit, Instant now) {
        requireDraft();
        if (edit.summary() != null) {
            summary = edit.summary().strip();
        }
        if (edit.contributingFactors() != null) {
            contributingFactors = stripped(edit.contributingFactors());
        }
        if (edit.fiveWhys() != null) {
            fiveWhys = edit.fiveWhys().stream().map(w -> new Why(w.why().strip(), w.because().strip())).toList();
        }
        if (edit.impactNotes() != null) {
            impactNotes = edit.impactNotes().strip();
        }
        if (edit.wentWell() != null) {
            wentWell = stripped(edit.wentWell());
        }
        if (edit.wentBadly() != null) {
            wentBadly = stripped(edit.wentBadly());
        }
        if (edit.lucky() != null) {
            lucky = stripped(edit.lucky());
        }
        updatedAt = now;
    }

    void mark(int seq, TimelineAnnotation annotation, String actor, Instant now) {
        requireDraft();
        String context = annotation.context() == null || annotation.context().isBlank() ? null
                : annotation.context().strip();
        Mark mark = new Mark(seq, annotation.key(), context, actor, now);
        marks.put(seq, mark);
        changedMarks.add(mark);
        updatedAt = now;
    }

    /** DRAFT → IN_REVIEW, only with every document of the set ready ({@code missing} lists what is not). */
    void submit(List<String> missing, String actor, Instant now) {
        move(ReviewStatus.IN_REVIEW);
        if (!missing.isEmpty()) {
            throw new ReviewConflict("the review of " + incident + " cannot go to review yet: " + String.join("; ", missing));
        }
        status = ReviewStatus.IN_REVIEW;
        submittedAt = now;
        submittedBy = actor;
        updatedAt = now;
    }

    void returnToDraft(String reason, Instant now) {
        move(ReviewStatus.DRAFT);
        status = ReviewStatus.DRAFT;
        returnedReason = reason.strip();
        updatedAt = now;
    }

    void publish(ImpactAssessment impact, String actor, Instant now) {
        move(ReviewStatus.PUBLISHED);
        status = ReviewStatus.PUBLISHED;
        publishedImpact = impact;
        publishedAt = now;
        publishedBy = actor;
        updatedAt = now;
    }

    private void move(ReviewStatus next) {
        if (!status.canMoveTo(next)) {
            throw ReviewConflict.illegalMove(incident, status, next);
        }
    }

    private void requireDraft() {
        if (status != ReviewStatus.DRAFT) {
            throw ReviewConflict.notDraft(incident, status);
        }
    }

    private static List<String> stripped(List<String> values) {
        return values.stream().map(String::strip).toList();
    }
}
