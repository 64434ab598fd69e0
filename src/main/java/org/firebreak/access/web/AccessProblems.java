package org.firebreak.access.web;

import org.firebreak.access.AccountConflict;
import org.firebreak.access.AccountNotFound;
import org.firebreak.access.InvalidAccountInput;
import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the access module's exceptions to RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = AccountController.class)
class AccessProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidAccountInput e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(AccountNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(AccountConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }
}
