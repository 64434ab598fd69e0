package org.firebreak.chain;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instant;
import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The follower's tables in plain SQL: cursor, recent blocks, events and reorgs. Only the chain module uses them. */
@Repository
class FollowerStore {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    FollowerStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /**
     * The last followed block of a chain; {@code checkedAt} and {@code checkedHead}: when a follower last made its
     * round and the head it saw then (null in a cursor of a version that did not record them).
     */
    record Cursor(long chainId, long block, String hash, Instant blockTime, String genesisHash, long head,
            Instant updatedAt, long version, @Nullable Instant checkedAt, @Nullable Long checkedHead) {

        /** When a follower last made progress: its last round, or (in an older cursor) its last move. */
        Instant progressAt() {
            return checkedAt != null && checkedAt.isAfter(updatedAt) ? checkedAt : updatedAt;
        }

        FollowerPosition position() {
            return new FollowerPosition(block, hash, blockTime, updatedAt, head);
        }
    }

    /** A followed block, as kept for finding the common ancestor after a reorg. */
    record Block(long number, String hash, String parentHash, Instant time) {
    }

    Optional<Cursor> cursor(long chainId) {
        return jdbc.sql("select * from chain_follower_cursor where chain_id = :c").param("c", chainId)
                .query(FollowerStore::cursor).optional();
    }

    /** The cursor of whichever chain was followed last, for a status without a profile. */
    Optional<Cursor> latestCursor() {
        return jdbc.sql("select * from chain_follower_cursor order by updated_at desc limit 1")
                .query(FollowerStore::cursor).optional();
    }

    void createCursor(long chainId, Block at, String genesisHash, long head, Instant now) {
        jdbc.sql("""
                insert into chain_follower_cursor (chain_id, block_number, block_hash, block_time, genesis_hash, head,
                    updated_at, version, checked_at, checked_head)
                values (:c, :n, :h, :t, :g, :head, :now, 0, :now, :head)""")
                .param("c", chainId).param("n", at.number()).param("h", at.hash()).param("t", ts(at.time()))
                .param("g", genesisHash).param("head", head).param("now", ts(now)).update();
    }

    /** Moves the cursor from where {@code from} saw it; fails when another follower moved it meanwhile. */
    void moveCursor(Cursor from, Block to, long head, Instant now) {
        int updated = jdbc.sql("""
                update chain_follower_cursor set block_number = :n, block_hash = :h, block_time = :t, head = :head,
                    updated_at = :now, checked_at = :now, checked_head = :head, version = version + 1
                where chain_id = :c and version = :v""")
                .param("n", to.number()).param("h", to.hash()).param("t", ts(to.time())).param("head", head)
                .param("now", ts(now)).param("c", from.chainId()).param("v", from.version()).update();
        if (updated != 1) {
            throw new IllegalStateException("another follower moved the cursor of chain " + from.chainId()
                    + " from block " + from.block() + "; this batch is rolled back");
        }
    }

    /**
     * A follower's round: it asked the node, and the cursor's block is still the node's. Not version-guarded: it moves
     * nothing but the time and the head seen.
     */
    void checked(long chainId, long head, Instant now) {
        jdbc.sql("update chain_follower_cursor set checked_at = :now, checked_head = :head where chain_id = :c")
                .param("now", ts(now)).param("head", head).param("c", chainId).update();
    }

    /** One batch of inserts for all the blocks. */
    void addBlocks(long chainId, List<Block> blocks) {
        batch.batchUpdate("""
                insert into chain_followed_block (chain_id, block_number, block_hash, parent_hash, block_time)
                values (?, ?, ?, ?, ?)""", blocks.stream()
                .map(b -> new Object[] { chainId, b.number(), b.hash(), b.parentHash(), ts(b.time()) }).toList());
    }

    /** Forgets followed blocks at or below {@code block}: they are deeper than any reorg the follower undoes. */
    void forgetBlocksUpTo(long chainId, long block) {
        jdbc.sql("delete from chain_followed_block where chain_id = :c and block_number <= :n")
                .param("c", chainId).param("n", block).update();
    }

    /** The kept blocks, newest first. */
    List<Block> recentBlocks(long chainId) {
        return jdbc.sql("select * from chain_followed_block where chain_id = :c order by block_number desc")
                .param("c", chainId).query((rs, row) -> new Block(rs.getLong("block_number"), rs.getString("block_hash"),
                        rs.getString("parent_hash"), instant(rs, "block_time"))).list();
    }

    /** One batch of inserts for all the events: a catch-up stores thousands a transaction. */
    void addEvents(long chainId, List<ChainEvent> events) {
        batch.batchUpdate("""
                insert into chain_event (chain_id, block_number, block_hash, block_time, tx_hash, log_index, contract,
                    address, name, fields)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", events.stream()
                .map(e -> new Object[] { chainId, e.blockNumber(), e.blockHash(), ts(e.blockTime()), e.txHash(),
                        e.logIndex(), e.contract(), e.address(), e.name(),
                        json.writeValueAsString(new java.util.TreeMap<>(e.fields())) }).toList());
    }

    /** Deletes the events and kept blocks after {@code block}; returns how many events went. */
    int forgetAfter(long chainId, long block) {
        jdbc.sql("delete from chain_followed_block where chain_id = :c and block_number > :n")
                .param("c", chainId).param("n", block).update();
        return jdbc.sql("delete from chain_event where chain_id = :c and block_number > :n")
                .param("c", chainId).param("n", block).update();
    }

    /** Everything followed on a chain, for when the node serves another chain now (a devnet started anew). */
    int forgetChain(long chainId) {
        jdbc.sql("delete from chain_followed_block where chain_id = :c").param("c", chainId).update();
        jdbc.sql("delete from chain_follower_cursor where chain_id = :c").param("c", chainId).update();
        return jdbc.sql("delete from chain_event where chain_id = :c").param("c", chainId).update();
    }

    void recordReorg(long chainId, ChainReorganized reorg) {
        jdbc.sql("""
                insert into chain_reorg (chain_id, detected_at, common_ancestor, orphaned_to, orphaned_hash, orphaned_events)
                values (:c, :at, :ancestor, :to, :hash, :events)""")
                .param("c", chainId).param("at", ts(reorg.detectedAt())).param("ancestor", reorg.commonAncestor())
                .param("to", reorg.orphanedTo()).param("hash", reorg.orphanedHash()).param("events", reorg.orphanedEvents())
                .update();
    }

    /** How many reorgs were recorded and when the last one was. */
    record Reorgs(long count, @Nullable Instant last) {
    }

    Reorgs reorgs(@Nullable Long chainId) {
        return jdbc.sql("select count(*) as n, max(detected_at) as last from chain_reorg" + where(chainId, false))
                .params(chainParam(chainId))
                .query((rs, row) -> new Reorgs(rs.getLong("n"), instantOrNull(rs, "last"))).single();
    }

    List<ChainEvent> between(@Nullable Long chainId, String name, Instant from, Instant to, int limit) {
        return jdbc.sql("select * from chain_event where name = :name and block_time >= :from and block_time <= :to"
                        + where(chainId, true) + " order by block_time, block_number, log_index limit :limit")
                .param("name", name).param("from", ts(from)).param("to", ts(to)).param("limit", limit)
                .params(chainParam(chainId)).query(this::event).list();
    }

    /**
     * Counts a name's events in the time window whose fields include all of {@code fieldsEqual}. Fields are matched
     * in their JSON text, where every value is a JSON string, so {@code "key":"value"} cannot occur but as that pair.
     */
    long count(@Nullable Long chainId, String name, Instant from, Instant to, Map<String, String> fieldsEqual) {
        StringBuilder sql = new StringBuilder(
                "select count(*) from chain_event where name = :name and block_time >= :from and block_time <= :to");
        sql.append(where(chainId, true));
        Map<String, Object> params = new java.util.HashMap<>(chainParam(chainId));
        int i = 0;
        for (Map.Entry<String, String> field : new java.util.TreeMap<>(fieldsEqual).entrySet()) {
            sql.append(" and fields like :f").append(i).append(" escape '!'");
            String pair = json.writeValueAsString(Map.of(field.getKey(), field.getValue()));
            params.put("f" + i, "%" + likeLiteral(pair.substring(1, pair.length() - 1)) + "%");
            i++;
        }
        return jdbc.sql(sql.toString()).param("name", name).param("from", ts(from)).param("to", ts(to)).params(params)
                .query(Long.class).single();
    }

    long countAll(@Nullable Long chainId) {
        return jdbc.sql("select count(*) from chain_event" + where(chainId, false)).params(chainParam(chainId))
                .query(Long.class).single();
    }

    Optional<ChainEvent> latest(@Nullable Long chainId, String name) {
        return jdbc.sql("select * from chain_event where name = :name" + where(chainId, true)
                        + " order by block_number desc, log_index desc limit 1")
                .param("name", name).params(chainParam(chainId)).query(this::event).optional();
    }

    List<ChainEvent> inBlocks(@Nullable Long chainId, long from, long to) {
        return jdbc.sql("select * from chain_event where block_number >= :from and block_number <= :to"
                        + where(chainId, true) + " order by block_number, log_index")
                .param("from", from).param("to", to).params(chainParam(chainId)).query(this::event).list();
    }

    private static String where(@Nullable Long chainId, boolean and) {
        return chainId == null ? "" : (and ? " and" : " where") + " chain_id = :chain";
    }

    private static Map<String, Object> chainParam(@Nullable Long chainId) {
        return chainId == null ? Map.of() : Map.of("chain", chainId);
    }

    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private ChainEvent event(ResultSet rs, int row) throws SQLException {
        return new ChainEvent(rs.getLong("block_number"), rs.getString("block_hash"), instant(rs, "block_time"),
                rs.getString("tx_hash"), rs.getInt("log_index"), rs.getString("contract"), rs.getString("address"),
                rs.getString("name"), json.readValue(rs.getString("fields"), FIELDS));
    }

    private static Cursor cursor(ResultSet rs, int row) throws SQLException {
        return new Cursor(rs.getLong("chain_id"), rs.getLong("block_number"), rs.getString("block_hash"),
                instant(rs, "block_time"), rs.getString("genesis_hash"), rs.getLong("head"), instant(rs, "updated_at"),
                rs.getLong("version"), instantOrNull(rs, "checked_at"), longOrNull(rs, "checked_head"));
    }
}
