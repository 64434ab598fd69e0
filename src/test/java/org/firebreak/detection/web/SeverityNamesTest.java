package org.firebreak.detection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.firebreak.shared.Severity;
import org.firebreak.shared.web.InvalidRequestField;
import org.junit.jupiter.api.Test;

class SeverityNamesTest {

    @Test
    void alertmanagerSeverityLabelsMapToThePlansLevels() {
        assertThat(SeverityNames.alertmanager("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(SeverityNames.alertmanager("High")).isEqualTo(Severity.HIGH);
        assertThat(SeverityNames.alertmanager("warning")).isEqualTo(Severity.MEDIUM);
        assertThat(SeverityNames.alertmanager("info")).isEqualTo(Severity.LOW);
        assertThat(SeverityNames.alertmanager("whatever")).as("falls back to the integration's default").isNull();
    }

    @Test
    void pagerDutySeveritiesMapToThePlansLevels() {
        assertThat(SeverityNames.PAGERDUTY).containsEntry("critical", Severity.CRITICAL)
                .containsEntry("error", Severity.HIGH).containsEntry("warning", Severity.MEDIUM)
                .containsEntry("info", Severity.LOW);
    }

    @Test
    void theOverrideMustBeOneOfThePlansLevelsAndNamesItsField() {
        assertThat(SeverityNames.override("medium", "x")).isEqualTo(Severity.MEDIUM);
        assertThatThrownBy(() -> SeverityNames.override("sev1", "alerts[0].labels.firebreak_severity"))
                .isInstanceOf(InvalidRequestField.class)
                .extracting(e -> ((InvalidRequestField) e).field()).isEqualTo("alerts[0].labels.firebreak_severity");
    }
}
