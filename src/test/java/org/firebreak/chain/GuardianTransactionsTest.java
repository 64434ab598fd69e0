package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;

import org.firebreak.chain.GuardianTransactions.Terms;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;

/** The guardian's transactions follow the chain: EIP-1559 where blocks carry a base fee, legacy where they do not. */
class GuardianTransactionsTest {

    private static final String TO = "0x" + "a".repeat(40);
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    @Test
    void aChainWithABaseFeeGetsAnEip1559TransactionThatRidesOutRisingFees() {
        Terms terms = new Terms(138, BigInteger.valueOf(7), GWEI, GWEI.multiply(BigInteger.TEN), GWEI, GWEI);

        RawTransaction tx = terms.transaction(BigInteger.valueOf(7), BigInteger.valueOf(40_000), TO, "0x8456cb59");

        assertThat(terms.eip1559()).isTrue();
        Transaction1559 typed = (Transaction1559) tx.getTransaction();
        assertThat(typed.getChainId()).isEqualTo(138);
        assertThat(typed.getMaxPriorityFeePerGas()).isEqualTo(GWEI);
        assertThat(typed.getMaxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.valueOf(21)));
        assertThat(tx.getNonce()).isEqualTo(7);
        assertThat(tx.getValue()).isZero();
    }

    @Test
    void aChainWithoutABaseFeeGetsALegacyTransactionAtItsGasPrice() {
        Terms terms = new Terms(138, BigInteger.ZERO, GWEI, null, GWEI, GWEI.multiply(BigInteger.TWO));

        RawTransaction tx = terms.transaction(BigInteger.ZERO, BigInteger.valueOf(40_000), TO, "0x8456cb59");

        assertThat(terms.eip1559()).isFalse();
        assertThat(tx.getType().isLegacy()).isTrue();
        assertThat(tx.getGasPrice()).isEqualTo(GWEI.multiply(BigInteger.TWO));
        assertThat(terms.maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.TWO));
    }

    @Test
    void theGasLimitIsTheEstimatePlusAQuarter() {
        assertThat(GuardianTransactions.gasLimit(BigInteger.valueOf(40_000))).isEqualTo(50_000);
    }

    @Test
    void receiptsArePolledEveryQuarterBlockWithinBounds() {
        assertThat(GuardianTransactions.pollInterval(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
        assertThat(GuardianTransactions.pollInterval(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
        assertThat(GuardianTransactions.pollInterval(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(1));
    }
}
