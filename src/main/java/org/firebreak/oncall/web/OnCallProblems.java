package org.firebreak.oncall.web;

import org.firebreak.incident.IncidentNotFound;
import org.firebreak.oncall.EscalationConflict;
import org.firebreak.oncall.EscalationNotFound;
import org.firebreak.oncall.InvalidOnCallInput;
import org.firebreak.oncall.ScheduleNotFound;
import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the on-call module's exceptions to RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = { OnCallController.class, EscalationController.class })
class OnCallProblems {

    @ExceptionHandler
    ProblemDetail scheduleNotFound(ScheduleNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Schedule not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail incidentNotFound(IncidentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Incident not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail escalationNotFound(EscalationNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No escalation", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(EscalationConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "Not possible in the escalation's current state", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidOnCallInput e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }
}
