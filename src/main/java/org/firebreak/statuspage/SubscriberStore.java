package org.firebreak.statuspage;

import static org.firebreak.shared.Sql.instant;
import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.firebreak.notify.ChannelKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The status_subscription and status_page_state tables, in plain SQL. Only this module reads or writes them. */
@Repository
class SubscriberStore {

    private final JdbcClient jdbc;

    SubscriberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription as stored; {@code confirmedAt} is set for a webhook at once, for an email once confirmed. */
    record Subscriber(long id, ChannelKind channel, String address, List<String> components, @Nullable String secret,
            @Nullable Instant confirmUntil, @Nullable Instant confirmedAt, String unsubscribeToken, Instant createdAt,
            @Nullable Instant unsubscribedAt) {

        boolean active() {
            return confirmedAt != null && unsubscribedAt == null;
        }

        /** Told about a change that concerns these components: every change when it named none. */
        boolean wants(java.util.Set<String> concerned) {
            return components.isEmpty() || components.stream().anyMatch(concerned::contains);
        }
    }

    long insert(ChannelKind channel, String address, List<String> components, @Nullable String secret,
            @Nullable String confirmHash, @Nullable Instant confirmUntil, @Nullable Instant confirmedAt,
            String unsubscribeToken, Instant now) {
        jdbc.sql("""
                insert into status_subscription (channel, address, components, secret, confirm_hash, confirm_until,
                    confirmed_at, unsubscribe_token, created_at)
                values (:channel, :address, :components, :secret, :hash, :until, :confirmed, :token, :now)""")
                .param("channel", channel.name()).param("address", address)
                .param("components", String.join(",", components)).param("secret", secret).param("hash", confirmHash)
                .param("until", ts(confirmUntil)).param("confirmed", ts(confirmedAt)).param("token", unsubscribeToken)
                .param("now", ts(now)).update();
        return jdbc.sql("select id from status_subscription where unsubscribe_token = :t").param("t", unsubscribeToken)
                .query(Long.class).single();
    }

    /** Subscriptions to this address not unsubscribed, newest first. */
    List<Subscriber> current(ChannelKind channel, String address) {
        return jdbc.sql("""
                select * from status_subscription where channel = :c and address = :a and unsubscribed_at is null
                order by id desc""").param("c", channel.name()).param("a", address).query(SubscriberStore::row).list();
    }

    Optional<Subscriber> byConfirmHash(String hash) {
        return jdbc.sql("select * from status_subscription where confirm_hash = :h for update").param("h", hash)
                .query(SubscriberStore::row).optional();
    }

    Optional<Subscriber> byUnsubscribeToken(String token) {
        return jdbc.sql("select * from status_subscription where unsubscribe_token = :t for update")
                .param("t", token).query(SubscriberStore::row).optional();
    }

    void confirm(long id, Instant now) {
        jdbc.sql("update status_subscription set confirmed_at = :now, confirm_hash = null where id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    void unsubscribe(long id, Instant now) {
        jdbc.sql("update status_subscription set unsubscribed_at = :now, confirm_hash = null where id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    /** Confirmed and not unsubscribed, oldest first. */
    List<Subscriber> active() {
        return jdbc.sql("""
                select * from status_subscription where confirmed_at is not null and unsubscribed_at is null
                order by id""").query(SubscriberStore::row).list();
    }

    List<Subscriber> all(int limit) {
        return jdbc.sql("select * from status_subscription order by id desc limit :limit").param("limit", limit)
                .query(SubscriberStore::row).list();
    }

    /** The active webhook subscription's secret for this URL (one per URL at a time). */
    Optional<String> webhookSecret(String url) {
        return jdbc.sql("""
                select secret from status_subscription where channel = 'WEBHOOK' and address = :a
                and unsubscribed_at is null and secret is not null""").param("a", url).query(String.class).optional();
    }

    /** The last public state told, locked until the transaction ends, so one comparison runs at a time. */
    Optional<StoredState> stateForUpdate() {
        return jdbc.sql("select seq, state from status_page_state where id = 1 for update")
                .query((rs, i) -> new StoredState(rs.getLong("seq"), rs.getString("state"))).optional();
    }

    /** Stores the state; the row is made on first use (a concurrent first use keeps one row). */
    void saveState(long seq, String state, Instant now) {
        jdbc.sql("""
                insert into status_page_state (id, seq, state, changed_at) values (1, 0, '', :now)
                on conflict do nothing""").param("now", ts(now)).update();
        jdbc.sql("update status_page_state set seq = :seq, state = :s, changed_at = :now where id = 1")
                .param("seq", seq).param("s", state).param("now", ts(now)).update();
    }

    /** No state to compare with (nobody subscribed); the change number stays, so notices' keys never repeat. */
    void forgetState() {
        jdbc.sql("update status_page_state set state = '' where id = 1 and state <> ''").update();
    }

    record StoredState(long seq, String state) {
    }

    private static Subscriber row(ResultSet rs, int i) throws SQLException {
        String components = rs.getString("components");
        return new Subscriber(rs.getLong("id"), ChannelKind.valueOf(rs.getString("channel")), rs.getString("address"),
                components.isEmpty() ? List.of() : Arrays.asList(components.split(",")), rs.getString("secret"),
                instantOrNull(rs, "confirm_until"), instantOrNull(rs, "confirmed_at"),
                rs.getString("unsubscribe_token"), instant(rs, "created_at"), instantOrNull(rs, "unsubscribed_at"));
    }
}
