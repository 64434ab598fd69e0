package org.firebreak.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.firebreak.shared.ConfigProblem;
import org.junit.jupiter.api.Test;

class FieldExpressionsTest {

    @Test
    void comparesDecimalFieldsAsNumbersBeyondLongRange() {
        var where = FieldExpressions.check("actualGasUsed > 500000");
        assertThat(FieldExpressions.matches(where, Map.of("actualGasUsed", "500001"))).isTrue();
        assertThat(FieldExpressions.matches(where, Map.of("actualGasUsed", "500000"))).isFalse();
        assertThat(FieldExpressions.matches(where, Map.of("actualGasUsed", "99999999999999999999999999"))).isTrue();
    }

    @Test
    void readsBooleansAndCombinesConditions() {
        var where = FieldExpressions.check("success == false and sender == '0xabc'");
        assertThat(FieldExpressions.matches(where, Map.of("success", "false", "sender", "0xabc"))).isTrue();
        assertThat(FieldExpressions.matches(where, Map.of("success", "true", "sender", "0xabc"))).isFalse();
    }

    @Test
    void aFieldTheEventDoesNotHaveMakesTheConditionFalse() {
        var where = FieldExpressions.check("actualGasUsed > 500000");
        assertThat(FieldExpressions.matches(where, Map.of("success", "false"))).isFalse();
    }

    @Test
    void aRuleFileCannotRunCode() {
        var where = FieldExpressions.check("T(java.lang.System).exit(3) == null");
        assertThat(FieldExpressions.matches(where, Map.of())).isFalse();
        var constructor = FieldExpressions.check("new java.io.File('/tmp/x').delete()");
        assertThat(FieldExpressions.matches(constructor, Map.of())).isFalse();
    }

    @Test
    void anExpressionThatDoesNotParseNamesTheWhereField() {
        assertThatThrownBy(() -> FieldExpressions.check("actualGasUsed >"))
                .isInstanceOf(ConfigProblem.class).hasMessageContaining("not a valid expression")
                .extracting(e -> ((ConfigProblem) e).field()).isEqualTo("where");
    }
}
