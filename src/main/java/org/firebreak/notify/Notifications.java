package org.firebreak.notify;

import static org.firebreak.shared.Sql.ts;
import static org.firebreak.shared.Sql.instantOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.firebreak.incident.IncidentId;
import org.firebreak.shared.StoredText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification and notification_delivery tables, in plain SQL. Only this module reads or writes them. */
@Repository
class Notifications {

    private final JdbcClient jdbc;
    private final NotifySettings settings;

    Notifications(JdbcClient jdbc, NotifySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from notification where notification_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }

    /**
     * Stores the notification unless its key is already there; two requests racing with one key store one row (the
     * second insert waits for the first to commit and then does nothing). Empty when the key was taken.
     */
    Optional<Long> insert(String key, @Nullable IncidentId incident, MessageKind kind, Message message, Instant now) {
        int inserted = jdbc.sql("""
                insert into notification (notification_key, incident_number, kind, subject, body, payload, requested_at)
                values (:k, :incident, :kind, :subject, :body, :payload, :at) on conflict do nothing""")
                .param("k", key)
                .param("incident", incident == null ? null : incident.number(), java.sql.Types.BIGINT)
                .param("kind", kind.name()).param("subject", message.subject())
                .param("body", message.body()).param("payload", message.payload()).param("at", ts(now)).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id from notification where notification_key = :k").param("k", key)
                .query(Long.class).single());
    }

    long insertDelivery(long notification, int seq, String key, Destination to, Instant now) {
        jdbc.sql("""
                insert into notification_delivery (notification_id, seq, delivery_key, channel, address, person, status,
                    attempts, updated_at)
                values (:n, :seq, :key, :channel, :address, :person, 'PENDING', 0, :now)""")
                .param("n", notification).param("seq", seq).param("key", key).param("channel", to.channel().name())
                .param("address", to.address()).param("person", to.person()).param("now", ts(now)).update();
        return jdbc.sql("select id from notification_delivery where delivery_key = :key").param("key", key)
                .query(Long.class).single();
    }

    /** Locks the delivery's row until the transaction ends: one attempt at a time is claimed or recorded. */
    Optional<Delivery> findForUpdate(long id) {
        Optional<DeliveryRow> row = jdbc.sql("select * from notification_delivery where id = :id for update")
                .param("id", id).query(Notifications::row).optional();
        return row.map(r -> jdbc.sql("select * from notification where id = :n").param("n", r.notification())
                .query((rs, i) -> new Delivery(r, incident(rs),
                        rs.getString("notification_key"), MessageKind.valueOf(rs.getString("kind")),
                        new Message(rs.getString("subject"), rs.getString("body"), rs.getString("payload"))))
                .single());
    }

    void claim(long id, int attempts, Instant leaseUntil, Instant now) {
        jdbc.sql("""
                update notification_delivery set status = 'SENDING', attempts = :a, lease_until = :lease,
                    updated_at = :now where id = :id""")
                .param("a", attempts).param("lease", ts(leaseUntil)).param("now", ts(now)).param("id", id).update();
    }

    void settle(long id, DeliveryStatus status, String outcome, @Nullable Instant nextAttempt,
            @Nullable Instant delivered, Instant now) {
        jdbc.sql("""
                update notification_delivery set status = :s, last_outcome = :o, lease_until = null,
                    next_attempt_at = :next, delivered_at = :delivered, updated_at = :now where id = :id""")
                .param("s", status.name()).param("o", StoredText.abbreviate(outcome, 1000))
                .param("next", ts(nextAttempt)).param("delivered", ts(delivered)).param("now", ts(now))
                .param("id", id).update();
    }

    List<DeliveryView> deliveries(IncidentId incident) {
        return views("n.incident_number = :i", incident.number());
    }

    private List<DeliveryView> views(String where, Object value) {
        return jdbc.sql("select n.notification_key, n.kind, n.subject, n.requested_at, d.* from notification_delivery d"
                + " join notification n on n.id = d.notification_id where " + where + " order by n.id, d.seq")
                .param("i", value).query((rs, i) -> {
                    DeliveryRow d = row(rs, i);
                    return new DeliveryView(rs.getString("notification_key"), d.key(),
                            MessageKind.valueOf(rs.getString("kind")), d.to().channel(),
                            Addresses.display(d.to(), settings), d.to().person(), d.status(), d.attempts(),
                            rs.getString("last_outcome"), rs.getString("subject"), instantOrNull(rs, "requested_at"),
                            instantOrNull(rs, "delivered_at"));
                }).list();
    }

    private static @Nullable IncidentId incident(ResultSet rs) throws SQLException {
        long number = rs.getLong("incident_number");
        return rs.wasNull() ? null : new IncidentId(number);
    }

    /** Every delivery of the notification stored with {@code key}, in order. */
    List<DeliveryView> deliveries(String key) {
        return views("n.notification_key = :i", key);
    }

    private static DeliveryRow row(ResultSet rs, int i) throws SQLException {
        return new DeliveryRow(rs.getLong("id"), rs.getLong("notification_id"), rs.getInt("seq"),
                rs.getString("delivery_key"), new Destination(ChannelKind.valueOf(rs.getString("channel")),
                        rs.getString("address"), rs.getString("person")),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instantOrNull(rs, "lease_until"),
                instantOrNull(rs, "next_attempt_at"));
    }

    /** A delivery row as stored. */
    record DeliveryRow(long id, long notification, int seq, String key, Destination to, DeliveryStatus status,
            int attempts, @Nullable Instant leaseUntil, @Nullable Instant nextAttemptAt) {
    }

    /** A delivery with the notification it belongs to (about no incident: an {@link Announcement} or a shift notice). */
    record Delivery(DeliveryRow row, @Nullable IncidentId incident, String notificationKey, MessageKind kind, Message message) {
    }
}
