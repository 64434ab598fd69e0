package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationPolicyTest {

    private final ClassificationPolicy policy = new ClassificationPolicy();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "security breach, CRITICAL", "funds at risk, CRITICAL", "system unavailable, CRITICAL",
            "functionality degraded, HIGH", "performance issues, HIGH", "data integrity concerns, HIGH",
            "minor functionality issues, MEDIUM", "performance degradation, MEDIUM", "user-experience issues, MEDIUM",
            "cosmetic issues, LOW", "documentation issues, LOW", "non-critical bugs, LOW" })
    void eachOfThePlansCriteriaGivesItsSeverity(String criterion, Severity expected) {
        assertThat(policy.classify(policy.resolve(List.of(criterion)))).contains(expected);
    }

    @Test
    void theMostSevereCriterionWins() {
        var criteria = policy.resolve(List.of("cosmetic issues", "performance issues", "documentation issues"));
        assertThat(policy.classify(criteria)).contains(Severity.HIGH);
    }

    @Test
    void criteriaMatchByIdOrLabelIgnoringCaseAndSeparators() {
        assertThat(policy.find("FUNDS_AT_RISK")).isEqualTo(policy.find("Funds at risk"));
        assertThat(policy.find("funds-at-risk")).isPresent();
        assertThat(policy.find("funds")).isEmpty();
    }

    @Test
    void anUnknownCriterionIsRejectedNamingItsIndex() {
        assertThatThrownBy(() -> policy.resolve(List.of("funds at risk", "the moon is full")))
                .isInstanceOfSatisfying(InvalidIncidentInput.class, e -> {
                    assertThat(e.field()).isEqualTo("criteria[1]");
                    assertThat(e.getMessage()).contains("the moon is full").contains("Funds at risk");
                });
    }

    @Test
    void noCriteriaGiveNoSeverity() {
        assertThat(policy.classify(List.of())).isEmpty();
    }

    @Test
    void thePlanHasTwelveCriteriaThreePerLevel() {
        assertThat(policy.criteria()).hasSize(12);
        for (Severity severity : Severity.values()) {
            assertThat(policy.criteria()).filteredOn(c -> c.severity() == severity).hasSize(3);
        }
    }
}
