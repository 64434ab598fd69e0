package org.firebreak.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * What was wrong with a posted form, by field name, so the page can show each message next to its field. Thrown by
 * {@link #check} when a command built from a form breaks its own constraints, before any API is called.
 */
public class FormErrors extends RuntimeException {

    private final Map<String, String> fields;

    public FormErrors(Map<String, String> fields) {
        super(fields.toString());
        this.fields = Map.copyOf(fields);
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The command's bean-validation violations as fields such as {@code fiveWhys[2].because}, prefixed. */
    public static <T> T check(Validator validator, T command, String prefix) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return command;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        violations.stream().sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> fields.putIfAbsent(prefix + v.getPropertyPath().toString().replace(".<list element>", ""),
                        v.getMessage()));
        throw new FormErrors(fields);
    }
}
