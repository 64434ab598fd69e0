package org.firebreak.incident.web;

import org.firebreak.incident.ActionRefused;
import org.firebreak.incident.IncidentConflict;
import org.firebreak.incident.IncidentNotFound;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the incident module's exceptions to RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = IncidentController.class)
class IncidentProblems {

    @ExceptionHandler
    ProblemDetail notFound(IncidentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Incident not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(IncidentConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "Not allowed in the incident's current state", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refused(ActionRefused e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Action refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidIncidentInput e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }
}
