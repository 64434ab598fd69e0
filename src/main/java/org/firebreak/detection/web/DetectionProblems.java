package org.firebreak.detection.web;

import org.firebreak.detection.AlertGroupNotFound;
import org.firebreak.detection.IntegrationNotFound;
import org.firebreak.incident.IncidentConflict;
import org.firebreak.incident.IncidentNotFound;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.detection.InvalidSilence;
import org.firebreak.detection.SilenceNotFound;
import org.firebreak.detection.SecretRejected;
import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the detection module's exceptions to RFC 9457 problem details; no secret ever reaches a message. */
@RestControllerAdvice(assignableTypes = { IntegrationController.class, SilenceController.class, RuleController.class,
        IncidentAlertsController.class })
class DetectionProblems {

    @ExceptionHandler
    ProblemDetail notFound(IntegrationNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Integration not found", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(SecretRejected e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Wrong or missing secret", e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail silenceNotFound(SilenceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Silence not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail groupNotFound(AlertGroupNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Alert group not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail incidentNotFound(IncidentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Incident not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail incidentConflict(IncidentConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "Not allowed in the incident's current state", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidIncidentInput(InvalidIncidentInput e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidSilence(InvalidSilence e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }
}
