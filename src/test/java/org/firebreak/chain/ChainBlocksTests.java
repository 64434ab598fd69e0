package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A past window's blocks are found once: asked again (a review page reloaded), no block is read. */
@FirebreakIntegrationTest
class ChainBlocksTests {

    private static final DevnetProbe anvil = DevnetProbe.anvil();

    @DynamicPropertySource
    static void devnet(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
    }

    @AfterAll
    static void close() throws Exception {
        anvil.close();
    }

    @Autowired
    ChainBlocks blocks;

    @Autowired
    MeterRegistry meters;

    private double reads() {
        return meters.get("firebreak_chain_block_reads").counter().count();
    }

    @Test
    void aSettledWindowIsReadOnceAndARecentOneEachTime() throws Exception {
        anvil.anvil("anvil_mine", "0x3", "0x1");
        long head = anvil.head();
        Instant from = anvil.blockTime(head - 2);
        Instant to = anvil.blockTime(head);
        // A block a second, so the window's last block is followed by later ones, SETTLED_DEPTH deep and more.
        anvil.anvil("anvil_mine", "0x" + Long.toHexString(ChainBlocks.SETTLED_DEPTH + 10), "0x1");

        BlockRange found = blocks.between(from, to).orElseThrow();
        assertThat(found.first().time()).isEqualTo(from);
        assertThat(found.last().number()).isGreaterThanOrEqualTo(head);
        double afterFirst = reads();
        assertThat(blocks.between(from, to)).contains(found);
        assertThat(reads()).as("a settled window is read once").isEqualTo(afterFirst);

        Instant beforeGenesis = anvil.blockTime(0).minusSeconds(3600);
        assertThat(blocks.between(beforeGenesis.minusSeconds(60), beforeGenesis)).isEmpty();
        double afterBeforeGenesis = reads();
        assertThat(blocks.between(beforeGenesis.minusSeconds(60), beforeGenesis)).isEmpty();
        assertThat(reads()).as("a window before genesis stays so").isEqualTo(afterBeforeGenesis);

        Instant recent = anvil.blockTime(anvil.head());
        blocks.firstAtOrAfter(recent);
        double afterRecent = reads();
        blocks.firstAtOrAfter(recent);
        assertThat(reads()).as("blocks near the head may still change: read again").isGreaterThan(afterRecent);
    }
}
