package org.firebreak.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.firebreak.shared.Conflict;
import org.firebreak.shared.FieldPath;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.NotFound;
import org.firebreak.shared.Refused;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.Problems.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The API's one mapping of failures to RFC 9457 problem details. Modules throw the shared vocabulary
 * ({@link NotFound} 404, {@link Conflict} 409, {@link InvalidInput} 400 naming the field, {@link Refused} 403, such as
 * {@link RoleTooLow}); malformed requests (bad JSON, unknown fields, unknown enum values, failed validation,
 * unparseable parameters) become 400s naming the field. Nothing is written by a rejected request because rejection
 * happens before any handler runs, or the module refuses before it writes.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** The one vocabulary, for every module: not found, conflict, invalid input naming the field, refused. */
    @ExceptionHandler({ NotFound.class, Conflict.class, InvalidInput.class, Refused.class })
    ProblemDetail vocabulary(RuntimeException e) {
        return Problems.of(e);
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getValue() instanceof String text && StoredText.refusal(text).isPresent()) {
            return Problems.invalidField(e.getName(), StoredText.refusal(text).get());
        }
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; allowed: " + Arrays.stream(e.getRequiredType().getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "))
                : "";
        return Problems.invalidField(e.getName(), "'" + e.getValue() + "' is not valid" + allowed);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), message(f)))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldError(e.getBindingResult().getObjectName(), "is invalid"));
        }
        return ResponseEntity.badRequest().body(Problems.invalidFields(errors));
    }

    /** A form field the text rule refused says why; other binding failures say what Spring says. */
    private static String message(org.springframework.validation.FieldError f) {
        if (f.isBindingFailure() && f.getRejectedValue() instanceof String text && StoredText.refusal(text).isPresent()) {
            return StoredText.refusal(text).get();
        }
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalidFields(
                errors.isEmpty() ? List.of(new FieldError("request", "is invalid")) : errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)) {
            return Problems.invalidField("body", "the request body is missing or is not JSON");
        }
        String field = FieldPath.of(jackson);
        return switch (jackson) {
            case UnrecognizedPropertyException unknown -> Problems.invalidField(field,
                    "unknown field; allowed: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")));
            case InvalidFormatException format when format.getTargetType() != null && format.getTargetType().isEnum() ->
                    Problems.invalidField(field, "'" + format.getValue() + "' is not one of "
                            + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                                    .collect(Collectors.joining(", ")));
            case InvalidFormatException format when format.getValue() instanceof String text
                    && StoredText.refusal(text).isPresent() -> Problems.invalidField(field, StoredText.refusal(text).get());
            default -> field.isEmpty()
                    ? Problems.invalidField("body", "malformed JSON: " + jackson.getOriginalMessage())
                    : Problems.invalidField(field, "cannot be read: " + jackson.getOriginalMessage());
        };
    }
}
