package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Read by receipts, the follower takes its events from the receipts' logs instead of asking {@code eth_getLogs}: it
 * keeps exactly the logs that call's filter (the followed addresses, any stack event's topic first) would answer.
 */
class FollowerReceiptLogsTest {

    private static final String ENTRY_POINT = OfflineProfile.ENTRY_POINT;
    private static final String MANAGER = OfflineProfile.MANAGER;
    private static final String ACCOUNT = "0x1111111111111111111111111111111111111111";
    private static final ChainProfile PROFILE = OfflineProfile.PROFILE;
    private static final String STACK_TOPIC = StackEvents.topics().getFirst();
    /** keccak("BeforeExecution()"): the EntryPoint emits it, the follower decodes it not. */
    private static final String BEFORE_EXECUTION = "0xbb47ee3e183a558b1a2ff0874b079f3fc5478b7454eacf2bfc5af2ff5878f972";

    @Test
    void keepsTheFollowedContractsStackEventsInOrderWhateverTheCase() {
        Log first = log(false, ENTRY_POINT.toUpperCase(Locale.ROOT).replace("0X", "0x"), STACK_TOPIC.toUpperCase(Locale.ROOT)
                .replace("0X", "0x"), "0x1");
        Log unknownEvent = log(false, ENTRY_POINT, BEFORE_EXECUTION, "0x2");
        Log otherContract = log(false, ACCOUNT, STACK_TOPIC, "0x3");
        Log removed = log(true, ENTRY_POINT, STACK_TOPIC, "0x4");
        Log anonymous = new Log(false, "0x5", "0x0", "0xaa", "0xbb", "0x10", MANAGER, "0x", null, List.of());
        Log second = log(false, MANAGER.toLowerCase(Locale.ROOT), STACK_TOPIC, "0x6");

        assertThat(BlockFollower.watched(PROFILE, List.of(first, unknownEvent, otherContract, removed, anonymous, second)))
                .containsExactly(first, second);
    }

    @Test
    void noLogsNoEvents() {
        assertThat(BlockFollower.watched(PROFILE, List.of())).isEmpty();
    }

    private static Log log(boolean removed, String address, String topic, String logIndex) {
        return new Log(removed, logIndex, "0x0", "0xaa", "0xbb", "0x10", address, "0x", null, List.of(topic));
    }
}
