package org.firebreak.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.firebreak.chain.ChainEvent;
import org.junit.jupiter.api.Test;

/** An event rule's title and group name the newest event's values: its fields and where it came from. */
class ChainEventWindowsTest {

    private static final ChainEvent TRANSFERRED = new ChainEvent(42, "0x" + "b".repeat(64), Instant.EPOCH,
            "0x" + "7".repeat(64), 3, "delegationManager", "0x" + "d".repeat(40), "OwnershipTransferred",
            Map.of("previousOwner", "0x" + "1".repeat(40), "newOwner", "0x" + "9".repeat(40), "expected", "false"));

    @Test
    void placeholdersTakeTheEventsFieldsAndItsContractAddressAndTransaction() {
        Map<String, String> values = ChainEventWindows.values(TRANSFERRED);

        assertThat(ChainEventWindows.render("Ownership of {contract} {address} transferred to {newOwner}", values))
                .isEqualTo("Ownership of delegationManager 0x" + "d".repeat(40) + " transferred to 0x" + "9".repeat(40));
        assertThat(ChainEventWindows.render("admin-change:{contract} in block {block}, tx {txHash}", values))
                .isEqualTo("admin-change:delegationManager in block 42, tx 0x" + "7".repeat(64));
    }

    @Test
    void aPlaceholderWithoutAValueStaysAsWrittenAndPlainTextIsNoTemplate() {
        assertThat(ChainEventWindows.render("{contract} upgraded to {implementation}", ChainEventWindows.values(TRANSFERRED)))
                .isEqualTo("delegationManager upgraded to {implementation}");
        assertThat(ChainEventWindows.hasPlaceholders("Chain halted")).isFalse();
        assertThat(ChainEventWindows.hasPlaceholders("Paused by {account}")).isTrue();
    }

    @Test
    void theEventsOwnFieldsWinOverWhereItCameFrom() {
        ChainEvent withAddressField = new ChainEvent(1, "0x" + "b".repeat(64), Instant.EPOCH, "0x" + "7".repeat(64), 0,
                "pausable", "0x" + "a".repeat(40), "Custom", Map.of("address", "0x" + "e".repeat(40)));

        assertThat(ChainEventWindows.values(withAddressField)).containsEntry("address", "0x" + "e".repeat(40))
                .containsEntry("contract", "pausable");
    }
}
