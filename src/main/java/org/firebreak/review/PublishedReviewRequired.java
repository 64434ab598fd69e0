package org.firebreak.review;

import java.util.Optional;

import org.firebreak.incident.CloseGuard;
import org.firebreak.incident.IncidentView;
import org.firebreak.shared.Severity;
import org.springframework.stereotype.Component;

/** The close rule: a Critical or High incident closes only once its review is PUBLISHED; Medium and Low close freely. */
@Component
class PublishedReviewRequired implements CloseGuard {

    private final Reviews reviews;

    PublishedReviewRequired(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<String> refusal(IncidentView incident) {
        if (incident.severity() != Severity.CRITICAL && incident.severity() != Severity.HIGH) {
            return Optional.empty();
        }
        Optional<ReviewStatus> status = reviews.status(incident.id());
        if (status.isPresent() && status.get() == ReviewStatus.PUBLISHED) {
            return Optional.empty();
        }
        return Optional.of("a " + incident.severity() + " incident closes only once its post-incident review is "
                + "PUBLISHED, and " + status.map(s -> "its review is " + s)
                        .orElse("it has no review yet (start one: POST /api/v1/incidents/" + incident.id() + "/review)"));
    }
}
