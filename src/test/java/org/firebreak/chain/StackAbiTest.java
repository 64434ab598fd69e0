package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The topics and selectors Firebreak matches on equal the ones documented in onchain.md. */
class StackAbiTest {

    @Test
    void eventTopicsMatchTheDocumentedValues() {
        assertThat(StackAbi.PAUSED_EVENT).isEqualTo("0x62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258");
        assertThat(StackAbi.UNPAUSED_EVENT).isEqualTo("0x5db9ee0a495bf2e6ff9c91a7834c1ba4fdd244a5e8aa4e537bd38aeae4b073aa");
        assertThat(StackAbi.OWNERSHIP_TRANSFER_STARTED)
                .isEqualTo("0x38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e22700");
        assertThat(StackAbi.OWNERSHIP_TRANSFERRED)
                .isEqualTo("0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0");
        assertThat(StackAbi.UPGRADED).isEqualTo("0xbc7cd75a20ee27fd9adebab32041f755214dbc6bffa90cc0225b39da2e5c2d3b");
    }

    @Test
    void theDelegationEventTopicsAreTheKeccakOfTheirCanonicalSignatures() {
        String delegation = "(address,address,bytes32,(address,bytes,bytes)[],uint256,bytes)";
        assertThat(Hash.sha3String("DisabledDelegation(bytes32,address,address," + delegation + ")"))
                .isEqualTo(StackAbi.DISABLED_DELEGATION);
        assertThat(Hash.sha3String("EnabledDelegation(bytes32,address,address," + delegation + ")"))
                .isEqualTo(StackAbi.ENABLED_DELEGATION);
    }

    @Test
    void senderAddressResultSelectorIsTheDocumentedOne() {
        assertThat(Hash.sha3String("SenderAddressResult(address)").substring(0, 10)).isEqualTo(StackAbi.SENDER_ADDRESS_RESULT);
    }

    @Test
    void functionSelectorsAreTheSolidityOnes() {
        assertThat(StackAbi.encode(StackAbi.PAUSED)).isEqualTo(Hash.sha3String("paused()").substring(0, 10));
        assertThat(StackAbi.encode(StackAbi.pause())).isEqualTo("0x8456cb59");
    }

    @Test
    void timestampTermsDecodeAfterThenBefore() {
        String terms = "0x" + "0".repeat(24) + "00000064" + "0".repeat(24) + "6925c380";
        CaveatTerms decoded = CaveatTerms.decode(terms);
        assertThat(decoded.after()).isEqualTo(BigInteger.valueOf(100));
        assertThat(decoded.before()).isEqualTo(BigInteger.valueOf(0x6925c380L));
        assertThat(decoded.expiredAt(0x6925c380L)).isTrue();
        assertThat(decoded.expiredAt(0x6925c37fL)).isFalse();
        assertThat(decoded.notYetValidAt(100)).isTrue();
        assertThat(decoded.notYetValidAt(101)).isFalse();
        assertThat(CaveatTerms.decode("0x" + "0".repeat(64)).hasEnd()).isFalse();
        assertThat(CaveatTerms.encode(100, 0x6925c380L)).isEqualTo(terms);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> sorted = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(Duration::ofMillis).toList();
        assertThat(EndpointStats.percentile(sorted, 50)).isEqualTo(Duration.ofMillis(10));
        assertThat(EndpointStats.percentile(sorted, 95)).isEqualTo(Duration.ofMillis(19));
        assertThat(EndpointStats.percentile(List.of(), 95)).isEqualTo(Duration.ZERO);
    }
}
