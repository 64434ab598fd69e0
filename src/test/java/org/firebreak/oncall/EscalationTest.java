package org.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.Severity;
import org.junit.jupiter.api.Test;

/** The escalation's own transitions, without a store or a clock: what it may do from where it stands. */
class EscalationTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final IncidentId INC = new IncidentId(7);
    private static final EscalationPolicy THREE_LEVELS = new EscalationPolicy("default", null, null, null, null, null,
            null, List.of(level("On-call engineer"), level("Senior engineer"), level("Incident lead")));

    private static EscalationPolicy.Level level(String name) {
        return new EscalationPolicy.Level(name, null, null, List.of("alice"), null);
    }

    private static Escalation begun() {
        return Escalation.begin(INC, THREE_LEVELS, Severity.CRITICAL, T0);
    }

    private static EscalationStep step(int level, int attempt) {
        return new EscalationStep(INC.number(), level, attempt);
    }

    @Test
    void aNewEscalationPagesNothingUntilLevelOneIsPagedAndThenClimbsOneLevelAtATime() {
        Escalation e = begun();
        assertThat(e.state()).isEqualTo(EscalationState.PAGING);
        assertThat(e.level()).isZero();

        e.paged(1, 1, T0);
        e.scheduleNext(step(2, 1), T0.plusSeconds(300));
        assertThat(e.isNext(step(2, 1))).isTrue();
        assertThat(e.takeNext()).isEqualTo(step(2, 1));
        assertThat(e.next()).isNull();
        assertThat(e.nextAt()).isNull();

        e.paged(2, 1, T0.plusSeconds(300));
        assertThat(e.level()).isEqualTo(2);
        assertThat(e.levelPagedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void anEscalationNeverClimbsDownOrSidewaysWithinARoundButANewRoundStartsAtLevelOne() {
        Escalation e = begun();
        e.paged(1, 1, T0);
        e.paged(2, 1, T0);
        assertThatThrownBy(() -> e.paged(2, 1, T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only climbs");
        assertThatThrownBy(() -> e.paged(1, 1, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.paged(4, 1, T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("levels 1 to 3");
        e.paged(1, 2, T0);
        assertThat(e.attempt()).isEqualTo(2);
        assertThat(e.level()).isEqualTo(1);
    }

    @Test
    void anAcknowledgementStopsPagingAndForgetsTheStepThatWasDue() {
        Escalation e = begun();
        e.paged(1, 1, T0);
        e.scheduleNext(step(2, 1), T0.plusSeconds(300));
        e.stop(EscalationState.STOPPED, "INC-7 ACKNOWLEDGED by alice");
        assertThat(e.state()).isEqualTo(EscalationState.STOPPED);
        assertThat(e.stoppedReason()).isEqualTo("INC-7 ACKNOWLEDGED by alice");
        assertThat(e.next()).isNull();
        assertThatThrownBy(() -> e.scheduleNext(step(2, 1), T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is STOPPED");
        assertThatThrownBy(() -> e.retime(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.stop(EscalationState.EXHAUSTED, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPageByHandMayFollowAStopButNothingFollowsExhaustion() {
        Escalation e = begun();
        e.paged(1, 1, T0);
        e.stop(EscalationState.STOPPED, "acknowledged");
        e.paged(2, 1, T0.plusSeconds(60));
        assertThat(e.level()).isEqualTo(2);

        Escalation out = begun();
        out.paged(1, 1, T0);
        out.paged(2, 1, T0);
        out.paged(3, 1, T0);
        out.stop(EscalationState.EXHAUSTED, "no acknowledgement within 5m of level 3");
        assertThatThrownBy(() -> out.paged(1, 2, T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is EXHAUSTED");
        assertThatThrownBy(out::resumePaging).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSeverityThatIsNotPagedWaitsForBusinessHoursAndOnlyBeforeAnythingWasPaged() {
        Escalation e = Escalation.begin(INC, THREE_LEVELS, Severity.MEDIUM, T0);
        e.awaitBusinessHours(T0.plusSeconds(3600));
        assertThat(e.state()).isEqualTo(EscalationState.NOTICE_PENDING);
        assertThat(e.nextAt()).isEqualTo(T0.plusSeconds(3600));
        e.noticeSent();
        assertThat(e.state()).isEqualTo(EscalationState.NOTICE_SENT);
        assertThat(e.nextAt()).isNull();
        assertThatThrownBy(e::noticeSent).isInstanceOf(IllegalStateException.class);

        Escalation paged = begun();
        paged.paged(1, 1, T0);
        assertThatThrownBy(() -> paged.awaitBusinessHours(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(paged::noticeSent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRaisedSeverityResumesPagingFromAStopOrANoticeButNotWhilePaging() {
        Escalation e = Escalation.begin(INC, THREE_LEVELS, Severity.MEDIUM, T0);
        e.awaitBusinessHours(T0.plusSeconds(3600));
        e.severity(Severity.HIGH);
        e.resumePaging();
        assertThat(e.state()).isEqualTo(EscalationState.PAGING);
        assertThat(e.nextAt()).as("the notice's time is not a page's").isNull();
        assertThat(e.severity()).isEqualTo(Severity.HIGH);
        assertThatThrownBy(e::resumePaging).isInstanceOf(IllegalStateException.class).hasMessageContaining("is PAGING");

        e.paged(1, 1, T0);
        e.stop(EscalationState.STOPPED, "severity lowered");
        assertThat(e.stoppedReason()).isNotNull();
        e.resumePaging();
        assertThat(e.stoppedReason()).isNull();
        e.paged(1, 2, T0);
    }

    @Test
    void aStepOfAnotherIncidentIsRefusedAndALongReasonIsCutToItsColumn() {
        Escalation e = begun();
        assertThatThrownBy(() -> e.scheduleNext(new EscalationStep(8, 2, 1), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a step of INC-7");
        e.stop(EscalationState.STOPPED, "x".repeat(5000));
        assertThat(e.stoppedReason()).hasSizeLessThanOrEqualTo(1000);
    }
}
