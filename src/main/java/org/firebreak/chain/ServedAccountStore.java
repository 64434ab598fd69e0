package org.firebreak.chain;

import static org.firebreak.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The EIP-7702 watch's table {@code chain_served_account}: each served account and its delegate as last followed. */
@Repository
class ServedAccountStore {

    private final JdbcClient jdbc;

    ServedAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One served account as the block follower last read it.
     *
     * @param source {@code profile} (the chain profile's {@code accounts.served}) or {@code entryPoint} (a sender of
     *        the EntryPoint's events)
     * @param delegate the delegate set in block {@code sinceBlock} (by transaction {@code sinceTx}, when the follower
     *        saw the authorization), null when the account delegates to nothing
     * @param previousDelegate the delegate before that, null when there was none or the account was first seen then
     */
    record ServedAccount(String address, String source, DelegationDesignator.Kind kind, @Nullable String delegate,
            @Nullable String previousDelegate, long sinceBlock, @Nullable String sinceTx) {
    }

    /** The chain's served accounts by address (lowercase). */
    Map<String, ServedAccount> all(long chainId) {
        return jdbc.sql("select * from chain_served_account where chain_id = :c order by address").param("c", chainId)
                .query(ServedAccountStore::row).list().stream()
                .collect(Collectors.toMap(ServedAccount::address, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    void save(long chainId, Collection<ServedAccount> accounts, Instant now) {
        for (ServedAccount a : accounts) {
            int updated = jdbc.sql("""
                    update chain_served_account set source = :source, kind = :kind, delegate = :delegate,
                        previous_delegate = :previous, since_block = :block, since_tx = :tx, updated_at = :now
                    where chain_id = :c and address = :address""")
                    .params(params(chainId, a, now)).update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into chain_served_account (chain_id, address, source, kind, delegate, previous_delegate,
                            since_block, since_tx, updated_at)
                        values (:c, :address, :source, :kind, :delegate, :previous, :block, :tx, :now)""")
                        .params(params(chainId, a, now)).update();
            }
        }
    }

    /** Everything watched on a chain, for when the node serves another chain now (a devnet started anew). */
    void forgetChain(long chainId) {
        jdbc.sql("delete from chain_served_account where chain_id = :c").param("c", chainId).update();
    }

    private static Map<String, Object> params(long chainId, ServedAccount a, Instant now) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("c", chainId);
        params.put("address", a.address());
        params.put("source", a.source());
        params.put("kind", a.kind().name());
        params.put("delegate", a.delegate());
        params.put("previous", a.previousDelegate());
        params.put("block", a.sinceBlock());
        params.put("tx", a.sinceTx());
        params.put("now", ts(now));
        return params;
    }

    private static ServedAccount row(ResultSet rs, int row) throws SQLException {
        return new ServedAccount(rs.getString("address"), rs.getString("source"),
                DelegationDesignator.Kind.valueOf(rs.getString("kind")), rs.getString("delegate"),
                rs.getString("previous_delegate"), rs.getLong("since_block"), rs.getString("since_tx"));
    }
}
