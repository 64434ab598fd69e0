package org.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.incident.IncidentStatus.*;

import org.junit.jupiter.api.Test;

class IncidentStatusTest {

    @Test
    void triggeredMayBeAcknowledgedOrSkipAheadButNotClosed() {
        assertThat(TRIGGERED.allowedNext()).containsExactlyInAnyOrder(ACKNOWLEDGED, INVESTIGATING, MITIGATED, RESOLVED);
        assertThat(TRIGGERED.canMoveTo(CLOSED)).isFalse();
    }

    @Test
    void nothingMovesBackwardsExceptReopenAndFailedMitigation() {
        assertThat(INVESTIGATING.canMoveTo(ACKNOWLEDGED)).isFalse();
        assertThat(ACKNOWLEDGED.canMoveTo(TRIGGERED)).isFalse();
        assertThat(MITIGATED.canMoveTo(INVESTIGATING)).isTrue();
        assertThat(RESOLVED.canMoveTo(INVESTIGATING)).isTrue();
        assertThat(RESOLVED.canMoveTo(MITIGATED)).isFalse();
    }

    @Test
    void closedIsFinal() {
        assertThat(CLOSED.allowedNext()).isEmpty();
        assertThat(RESOLVED.canMoveTo(CLOSED)).isTrue();
    }

    @Test
    void noStatusMovesToItself() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void onlyResolvedAndClosedAreNotOpen() {
        assertThat(TRIGGERED.isOpen()).isTrue();
        assertThat(MITIGATED.isOpen()).isTrue();
        assertThat(RESOLVED.isOpen()).isFalse();
        assertThat(CLOSED.isOpen()).isFalse();
    }
}
