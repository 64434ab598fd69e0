package org.firebreak.chain;

import static org.firebreak.shared.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code chain_own_transaction}: every transaction Firebreak's guardian signed, recorded before it is sent
 * (a node mines it at once, and the block follower may read its events before the action has its receipt).
 */
@Repository
class OwnTransactions {

    private final JdbcClient jdbc;

    OwnTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a signed transaction about to be sent; signing the same one again (a retry) records it once. */
    void signed(long chainId, String txHash, String what, Instant at) {
        String hash = txHash.toLowerCase(Locale.ROOT);
        if (!among(List.of(hash)).isEmpty()) {
            return;
        }
        jdbc.sql("insert into chain_own_transaction (tx_hash, chain_id, what, signed_at) values (:h, :c, :w, :at)")
                .param("h", hash).param("c", chainId).param("w", what.length() <= 255 ? what : what.substring(0, 255))
                .param("at", ts(at)).update();
    }

    /** Which of these transaction hashes (any case) Firebreak signed, lowercase. */
    Set<String> among(Collection<String> txHashes) {
        if (txHashes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select tx_hash from chain_own_transaction where tx_hash in (:h)")
                .param("h", txHashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList())
                .query(String.class).list().stream().collect(Collectors.toSet()));
    }
}
