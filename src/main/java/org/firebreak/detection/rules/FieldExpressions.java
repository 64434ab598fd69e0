package org.firebreak.detection.rules;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The {@code where} of an event rule: a Spring Expression Language condition over an event's decoded fields, e.g.
 * {@code success == false} or {@code actualGasUsed > 500000}. Evaluated in a read-only context that can read map
 * entries and nothing else (no types, no constructors, no method calls), so a rule file cannot run code.
 */
final class FieldExpressions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final EvaluationContext CONTEXT = SimpleEvaluationContext
            .forPropertyAccessors(new MapAccessor(false)).build();
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private FieldExpressions() {
    }

    /** Fails with the rule's field when the expression does not parse. */
    static Expression check(String where) {
        try {
            return PARSER.parseExpression(where);
        } catch (ParseException e) {
            throw new ConfigProblem("where", "is not a valid expression: " + e.getSimpleMessage());
        }
    }

    /**
     * Whether the fields satisfy the expression. Decimal text becomes a number and true/false a boolean, so
     * {@code actualGasUsed > 500000} compares numbers; a field the event does not have makes the condition false.
     */
    static boolean matches(Expression where, Map<String, String> fields) {
        Map<String, Object> typed = new HashMap<>();
        fields.forEach((name, value) -> typed.put(name, typed(value)));
        try {
            return Boolean.TRUE.equals(where.getValue(CONTEXT, typed, Boolean.class));
        } catch (EvaluationException e) {
            return false;
        }
    }

    private static Object typed(String value) {
        if (INTEGER.matcher(value).matches()) {
            return new BigInteger(value);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        return value;
    }
}
