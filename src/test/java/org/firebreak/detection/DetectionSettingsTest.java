package org.firebreak.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;

class DetectionSettingsTest {

    private final Integration prometheus = new Integration("prometheus", IntegrationKind.ALERTMANAGER,
            "a-long-enough-secret", null, null, null);

    @Test
    void acceptsOnlyTheExactSecret() {
        assertThat(prometheus.accepts("a-long-enough-secret")).isTrue();
        assertThat(prometheus.accepts("a-long-enough-secreT")).isFalse();
        assertThat(prometheus.accepts("a-long-enough-secret ")).isFalse();
        assertThat(prometheus.accepts("")).isFalse();
        assertThat(prometheus.accepts(null)).isFalse();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(prometheus.toString()).doesNotContain("a-long-enough-secret").contains("prometheus");
        assertThat(new DetectionSettings(List.of(prometheus), null).toString()).doesNotContain("a-long-enough-secret");
    }

    @Test
    void defaultsToHighSeverityAndRefusesShortSecretsAndTwiceUsedNames() {
        assertThat(prometheus.defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Integration("p", IntegrationKind.PAGERDUTY, "short", null, null, null)).withMessageContaining("16");
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectionSettings(List.of(prometheus, prometheus), null))
                .withMessageContaining("used twice");
    }

    @Test
    void leavesIncidentsToAHumanAndGuardsAgainstStormsOfMoreThanFiveAMinuteByDefault() {
        assertThat(prometheus.autoResolve()).isEqualTo(AutoResolve.ALERT);
        DetectionSettings.StormGuard guard = new DetectionSettings(List.of(), null).stormGuard();
        assertThat(guard.enabled()).isTrue();
        assertThat(guard.maxIncidents()).isEqualTo(5);
        assertThat(guard.window()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThatIllegalArgumentException().isThrownBy(() -> new DetectionSettings.StormGuard(true, 0, null))
                .withMessageContaining("max-incidents");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DetectionSettings.StormGuard(true, 5, java.time.Duration.ZERO))
                .withMessageContaining("window");
    }
}
