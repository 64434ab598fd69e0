package org.firebreak.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.shared.Conflict;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.NotFound;
import org.firebreak.shared.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details the same way everywhere: a title, a detail, and the fields at fault. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The one vocabulary's answers: 404, 409, 400 naming the field, 403; every module's exceptions extend one of
     * these, so {@link ApiProblemHandler} and the servlet filters answer them alike.
     */
    public static ProblemDetail of(RuntimeException e) {
        return switch (e) {
            case NotFound notFound -> of(HttpStatus.NOT_FOUND, notFound.title(), e.getMessage());
            case Conflict conflict -> of(HttpStatus.CONFLICT, conflict.title(), e.getMessage());
            case InvalidInput invalid -> invalidField(invalid.field(), e.getMessage());
            case Refused refused -> of(HttpStatus.FORBIDDEN, refused.title(), e.getMessage());
            default -> throw new IllegalArgumentException("not a problem of the vocabulary: " + e.getClass().getName(), e);
        };
    }

    public static ProblemDetail invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    /** 400 naming every field at fault; the detail names the first so a one-line client shows it. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request",
                first.field() + ": " + first.message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    /**
     * Answers with the problem from a servlet filter, which runs before Spring MVC's exception handlers: its status,
     * {@code application/problem+json} in UTF-8, the problem as {@code json} writes it.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    public record FieldError(String field, String message) {
    }
}
