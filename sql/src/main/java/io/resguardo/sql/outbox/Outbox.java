package io.resguardo.sql.outbox;

import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.internal.JsonText;
import io.resguardo.sql.internal.RowInsert;
import io.resguardo.sql.internal.Timestamps;
import io.resguardo.sql.internal.Transactions;
import io.resguardo.sql.order.Order;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shop events, delivered at least once.
 *
 * <p>Guarantees: an event is written in the transaction that caused it ({@link #enqueue}), so it exists exactly
 * when its cause committed. {@link #claimDue} leases events so that no two deliverers (threads or nodes) hold the
 * same event at once, and hands out an order's events one at a time, oldest first: an event waits while an
 * earlier one of the same order is still pending. Only the lease holder can settle an event.
 */
public final class Outbox {
    private static final String COLUMNS = "o.id, o.event_id, o.event_type, ord.transaction_code, o.payload, o.status, "
            + "o.created_at, o.attempts, o.next_attempt_at, o.delivered_at, o.last_error";
    private static final String FROM = " FROM outbox o JOIN orders ord ON ord.id = o.order_id";

    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random = eventIdRandom();

    public Outbox(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues the shop event for an order's new state in the caller's transaction, due at once.
     *
     * @return the event id ({@code msg_} and 32 hex digits)
     */
    public String enqueue(Connection c, String eventType, Order order, Instant now) throws SQLException {
        String eventId = newEventId();
        enqueueing(eventId, eventType, order, now).execute(c);
        return eventId;
    }

    /** The same row as {@link #enqueue}, for the caller to send with others. */
    public RowInsert enqueueing(String eventType, Order order, Instant now) {
        return enqueueing(newEventId(), eventType, order, now);
    }

    /**
     * Event ids are made inside the payment's transaction: a DRBG is computed in memory, where the platform default
     * (NativePRNG) reads {@code /dev/urandom} under one JVM-wide lock that request threads were measured queueing on.
     */
    private static SecureRandom eventIdRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private String newEventId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return "msg_" + HexFormat.of().formatHex(id);
    }

    private static RowInsert enqueueing(String eventId, String eventType, Order order, Instant now) {
        String payload = payload(eventType, order, now);
        return new RowInsert("INSERT INTO outbox (event_id, event_type, order_id, payload, status, created_at, "
                + "next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)", (ps, i) -> {
                    ps.setString(i, eventId);
                    ps.setString(i + 1, eventType);
                    ps.setLong(i + 2, order.id());
                    ps.setString(i + 3, payload);
                    Timestamps.set(ps, i + 4, now);
                    Timestamps.set(ps, i + 5, now);
                    return i + 6;
                });
    }

    /**
     * The body the shop receives: {@code {"type","timestamp","data":{order facts}}}. The amount is a string in plain
     * decimal notation, so that no client reads money through a floating-point number. No personal data.
     */
    static String payload(String eventType, Order order, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionCode", order.transactionCode());
        data.put("status", order.status().name());
        data.put("amount", order.amount().toPlainString());
        data.put("currency", order.currency().name());
        data.put("cip", order.cip().orElse(null));
        data.put("operationNumber", order.operationNumber().orElse(null));
        data.put("paidAt", order.paidAt().map(Instant::toString).orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", eventType);
        body.put("timestamp", Timestamps.truncate(now).toString());
        body.put("data", new JsonText.RawJson(JsonText.object(data)));
        return JsonText.object(body);
    }

    /**
     * Leases up to {@code limit} due events to {@code owner}; each claim counts as an attempt.
     */
    public List<OutboxEvent> claimDue(String owner, Duration lease, int limit) {
        Objects.requireNonNull(owner, "owner");
        return transactions.inTransaction("claiming outbox events", c -> {
            Instant now = clock.instant();
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id FROM outbox o WHERE o.status = 'PENDING' "
                    + "AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?) "
                    + "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.order_id = o.order_id "
                    + "AND e.status = 'PENDING' AND e.id < o.id) "
                    + "ORDER BY o.next_attempt_at, o.id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                Timestamps.set(ps, 1, now);
                Timestamps.set(ps, 2, now);
                ps.setInt(3, Math.max(1, Math.min(limit, 500)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            List<OutboxEvent> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET lease_owner = ?, lease_until = ?, "
                    + "attempts = attempts + 1 WHERE id = ? AND status = 'PENDING' "
                    + "AND (lease_until IS NULL OR lease_until <= ?)")) {
                for (long id : candidates) {
                    ps.setString(1, owner);
                    Timestamps.set(ps, 2, now.plus(lease));
                    ps.setLong(3, id);
                    Timestamps.set(ps, 4, now);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(one(c, "o.id = ?", id).orElseThrow());
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * Settles a delivered event.
     *
     * @return false when {@code owner} no longer held its lease (someone else took it over after it lapsed)
     */
    public boolean markDelivered(long id, String owner) {
        return settle(id, owner, "status = 'DELIVERED', delivered_at = ?, last_error = NULL", clock.instant(), null);
    }

    /**
     * Records a failed attempt.
     *
     * @param error why, short; redacted before it is stored
     * @param nextAttemptAt when to try again; empty to give up (the event becomes {@link OutboxStatus#DEAD} and
     *     stops holding back the order's later events)
     * @return false when {@code owner} no longer held its lease
     */
    public boolean markFailed(long id, String owner, String error, Optional<Instant> nextAttemptAt) {
        String safeError = Redactor.escapeControl(Redactor.standard().redact(error), 480);
        if (nextAttemptAt.isPresent()) {
            return settle(id, owner, "next_attempt_at = ?, last_error = ?", nextAttemptAt.get(), safeError);
        }
        return settle(id, owner, "status = 'DEAD', next_attempt_at = ?, last_error = ?", clock.instant(), safeError);
    }

    private boolean settle(long id, String owner, String assignments, Instant time, String error) {
        return transactions.inTransaction("settling an outbox event", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET " + assignments
                    + ", lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'PENDING'")) {
                int i = 1;
                Timestamps.set(ps, i++, time);
                if (error != null) {
                    ps.setString(i++, error);
                }
                ps.setLong(i++, id);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Sends an event again (the admin's redeliver): back to pending, due now, whatever its status was.
     *
     * @return false when there is no such event
     */
    public boolean redeliver(String eventId) {
        return transactions.inTransaction("redelivering an outbox event", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, "
                    + "delivered_at = NULL, lease_owner = NULL, lease_until = NULL WHERE event_id = ?")) {
                Timestamps.set(ps, 1, clock.instant());
                ps.setString(2, eventId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<OutboxEvent> find(String eventId) {
        return transactions.inTransaction("reading an outbox event", c -> one(c, "o.event_id = ?", eventId));
    }

    /** The newest events first, optionally of one status; at most {@code limit} (1..1000). */
    public List<OutboxEvent> list(Optional<OutboxStatus> status, int limit) {
        return transactions.inTransaction("listing outbox events", c -> {
            String where = status.isPresent() ? " WHERE o.status = ?" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where
                    + " ORDER BY o.id DESC FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                if (status.isPresent()) {
                    ps.setString(i++, status.get().name());
                }
                ps.setInt(i, Math.max(1, Math.min(limit, 1000)));
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
                return events;
            }
        });
    }

    /** Events still waiting to be delivered (the backlog metric). */
    public long pendingCount() {
        return count("PENDING");
    }

    /** Events whose retries ran out. */
    public long deadCount() {
        return count("DEAD");
    }

    private long count(String status) {
        return transactions.inTransaction("counting outbox events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
                ps.setString(1, status);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static Optional<OutboxEvent> one(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE " + where)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEvent read(ResultSet rs) throws SQLException {
        return new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                OutboxStatus.valueOf(rs.getString(6)), Timestamps.get(rs, "created_at"), rs.getInt(8),
                Timestamps.get(rs, "next_attempt_at"), Optional.ofNullable(Timestamps.get(rs, "delivered_at")),
                Optional.ofNullable(rs.getString(11)));
    }

}
