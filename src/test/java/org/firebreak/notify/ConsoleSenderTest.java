package org.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the CONSOLE channel writes to the server's log. */
class ConsoleSenderTest {

    private static final String PAGE = "INC-7 needs you: acknowledge at https://firebreak.example.org/ack/"
            + "v1.SU5DLTd8MXxib2J8MTc2NDkwMDAwMA.q0k3R8v2-Yp_1x9Fd0aZb4Vq7cW3e8Lm2Nn5Oo6Pp7Q within 5m.";

    @Test
    void outsideTheDevnetAnAcknowledgeLinkLosesItsTokenInTheLog() {
        assertThat(new ConsoleSender(false).shown(PAGE)).isEqualTo("INC-7 needs you: acknowledge at "
                + "https://firebreak.example.org/ack/(link left out of the log) within 5m.");
    }

    @Test
    void onTheDevnetTheLogIsWhereTheTeamReadsItsPagesWhole() {
        assertThat(new ConsoleSender(true).shown(PAGE)).isEqualTo(PAGE);
    }
}
