package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Utf8String;

/** A preflight revert is recorded in words: Error(string) text, a known custom error, else what the node said. */
class RevertReasonTest {

    @Test
    void errorStringGivesItsText() {
        String data = StackAbi.ERROR_STRING + FunctionEncoder.encodeConstructor(List.of(new Utf8String("drill: no pause")));
        assertThat(StackAbi.revertReason("execution reverted: drill: no pause", data)).isEqualTo("drill: no pause");
    }

    @Test
    void ownableAndPausableErrorsAreNamed() {
        assertThat(StackAbi.selector("OwnableUnauthorizedAccount(address)")).isEqualTo("0x118cdaa7");
        assertThat(StackAbi.selector("EnforcedPause()")).isEqualTo("0xd93c0665");
        assertThat(StackAbi.selector("ExpectedPause()")).isEqualTo("0x8dfc202b");
        assertThat(StackAbi.revertReason("execution reverted", "0x118cdaa7" + "0".repeat(24) + "1".repeat(40)))
                .isEqualTo("OwnableUnauthorizedAccount: the caller is not the owner");
        assertThat(StackAbi.revertReason(null, "0xd93c0665")).isEqualTo("EnforcedPause: the contract is paused");
    }

    @Test
    void anUnknownRevertKeepsTheNodesMessageAndTheData() {
        assertThat(StackAbi.revertReason("execution reverted", "0xdeadbeef"))
                .isEqualTo("execution reverted (data 0xdeadbeef)");
        assertThat(StackAbi.revertReason("execution reverted: custom error 0xdeadbeef", "0xdeadbeef"))
                .isEqualTo("execution reverted: custom error 0xdeadbeef");
        assertThat(StackAbi.revertReason(null, null)).isEqualTo("reverted");
    }

    @Test
    void revertDataQuotedAsAJsonStringIsUnquoted() {
        assertThat(StackAbi.revertReason("execution reverted: custom error 0x118cdaa7", "\"0x118cdaa7\""))
                .isEqualTo("OwnableUnauthorizedAccount: the caller is not the owner");
        assertThat(StackAbi.revertData("\"0x\"")).isEmpty();
        assertThat(StackAbi.revertData("null")).isEmpty();
    }
}
