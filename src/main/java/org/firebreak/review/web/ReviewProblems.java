package org.firebreak.review.web;

import org.firebreak.incident.IncidentNotFound;
import org.firebreak.review.ActionItemNotFound;
import org.firebreak.review.InvalidReviewInput;
import org.firebreak.review.ReviewConflict;
import org.firebreak.review.ReviewNotFound;
import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the review module's exceptions to RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = { ReviewController.class, ActionItemController.class,
        AnalyticsController.class, OverduePlaybookController.class, ReviewPage.class })
class ReviewProblems {

    @ExceptionHandler
    ProblemDetail incidentNotFound(IncidentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Incident not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail reviewNotFound(ReviewNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Review not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail actionItemNotFound(ActionItemNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Action item not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ReviewConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "Not allowed in the review's current state", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidReviewInput e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }
}
