package io.resguardo.sql.payment;

import io.resguardo.core.ErrorCode;
import io.resguardo.sql.Engine;
import io.resguardo.sql.audit.AuditLog;
import io.resguardo.sql.audit.AuditRecord;
import io.resguardo.sql.internal.RowInsert;
import io.resguardo.sql.internal.SqlErrors;
import io.resguardo.sql.internal.Timestamps;
import io.resguardo.sql.internal.Transactions;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.sql.outbox.Outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies payment events to orders with exactly one effect.
 *
 * <p>{@link #apply} is one transaction: record the notification, move the order, queue the shop event, append to
 * the audit log. However many copies of a notification arrive at once, on however many nodes, one records it and
 * has its effect; the others find it recorded and only count as duplicates. Why that holds:
 * <ul>
 *   <li>the order row is locked first, so notifications and reconciler findings for one order take turns and each
 *       decides on the order's committed state: in the common case by the guarded {@code UPDATE} that moves it
 *       (pending, same currency and amount), otherwise by {@code SELECT ... FOR UPDATE};</li>
 *   <li>the notification's key (event type, CIP, operation number) is unique in the database: of two copies, the
 *       second insert fails and that transaction rolls back to before it and counts a duplicate instead;</li>
 *   <li>the order moves only with {@code UPDATE ... WHERE status = 'PENDING'};</li>
 *   <li>the only lock these transactions wait for is their order's row: payments of different orders never queue
 *       behind one another (the audit entry is written unchained and linked into the hash chain right after the
 *       commit, see {@link AuditLog}).</li>
 * </ul>
 * When the database fails in the middle, the whole transaction rolls back and the caller gets a
 * {@link io.resguardo.sql.DatabaseUnavailableException}: nothing is half-written, and the sender's retry applies it.
 */
public final class PaymentLedger {
    /** The audit actor for notifications. */
    public static final String PAGOEFECTIVO = "pagoefectivo";

    private final Transactions transactions;
    private final Engine engine;
    private final Clock clock;
    private final AuditLog audit;
    private final Outbox outbox;

    public PaymentLedger(Transactions transactions, Engine engine, Clock clock, AuditLog audit, Outbox outbox) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Applies a verified notification; see the class comment.
     *
     * @throws io.resguardo.sql.DatabaseUnavailableException when the database cannot take it now (nothing of it is
     *                                                       stored; the sender's retry applies it)
     */
    public NotificationResult apply(IncomingNotification n) {
        Objects.requireNonNull(n, "notification");
        return transactions.inTransaction("applying a notification", c -> {
            Optional<NotificationResult> first = firstArrival(c, n);
            return first.isPresent() ? first.get() : applyIn(c, n);
        });
    }

    /**
     * The common case, in the fewest statements: the first copy of a notification that matches its pending order.
     * The guarded {@code UPDATE} decides and takes the order's row lock at once (a copy arriving meanwhile waits for
     * it and then finds the order moved). Anything else (no such CIP, a mismatch, an order already moved, a
     * notification recorded earlier) leaves nothing written and goes the long way, {@link #applyIn}.
     */
    private Optional<NotificationResult> firstArrival(Connection c, IncomingNotification n) throws SQLException {
        Instant now = clock.instant();
        OrderStatus target = n.event().target();
        Optional<Order> moved = OrderStore.moveMatchingFromPending(c, engine, n.cip(), n.currency(), n.amount(),
                target, n.operationNumber(), now);
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        Order after = moved.get();
        long id;
        try {
            id = recordAccepted(c, n, after, now);
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // This very notification was recorded while the order was still pending (rejected then): undo the move
            // and answer as the first arrival was, the long way.
            c.rollback();
            return Optional.empty();
        }
        return Optional.of(new NotificationResult(id, NotificationOutcome.ACCEPTED, Optional.empty(),
                Optional.of(after), false));
    }

    private NotificationResult applyIn(Connection c, IncomingNotification n) throws SQLException {
        Optional<Long> known = findKey(c, n);
        if (known.isPresent()) {
            return repeat(c, known.get());
        }
        Optional<Order> order = OrderStore.lockByCip(c, n.cip());
        Decision decision = decide(n, order);
        Instant now = clock.instant();
        boolean accepted = decision.outcome() == NotificationOutcome.ACCEPTED;
        Savepoint beforeWrites = c.setSavepoint();
        Optional<Order> after = order;
        long id;
        try {
            if (accepted) {
                long orderId = order.orElseThrow().id();
                if (!OrderStore.moveFromPending(c, orderId, n.event().target(), n.operationNumber(), now)) {
                    // Impossible while we hold the row lock; refuse to record an effect that did not happen.
                    throw new SQLException("order left PENDING under our lock", "40001");
                }
                after = OrderStore.findById(c, orderId);
                id = recordAccepted(c, n, after.orElseThrow(), now);
            } else {
                id = insert(c, n, order, decision, now);
            }
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // A copy committed between our look-up and our insert (no order row to serialize on).
            c.rollback(beforeWrites);
            return repeat(c, findKey(c, n).orElseThrow(() -> e));
        }
        if (decision.outcome() == NotificationOutcome.REJECTED) {
            audit.append(c, AuditRecord.of(PAGOEFECTIVO, "notification.rejected",
                    order.map(Order::transactionCode).orElse(""), "code", decision.code().name(),
                    "cip", n.cip(), "operationNumber", n.operationNumber(), "eventType", n.event().eventType(),
                    "keyId", n.keyId(), "status", order.map(o -> o.status().name()).orElse(null)));
        }
        return new NotificationResult(id, decision.outcome(), Optional.ofNullable(decision.code()), after, false);
    }

    private static AuditRecord acceptedEntry(IncomingNotification n, Order after) {
        return AuditRecord.of(PAGOEFECTIVO, "order." + n.event().target().name().toLowerCase(Locale.ROOT),
                after.transactionCode(), "transactionCode", after.transactionCode(), "cip", n.cip(),
                "operationNumber", n.operationNumber(), "eventType", n.event().eventType(), "keyId", n.keyId(),
                "from", OrderStatus.PENDING.name(), "to", n.event().target().name(), "source", "notification");
    }

    private record Decision(NotificationOutcome outcome, ErrorCode code) {
        static Decision of(NotificationOutcome outcome) {
            return new Decision(outcome, null);
        }

        static Decision rejected(ErrorCode code) {
            return new Decision(NotificationOutcome.REJECTED, code);
        }
    }

    /** Consistency first (currency, then amount), then the state move (CONTRACT section 6). */
    private static Decision decide(IncomingNotification n, Optional<Order> found) {
        if (found.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_CIP);
        }
        Order order = found.get();
        if (n.currency().isPresent() && !n.currency().get().equals(order.currency().name())) {
            return Decision.rejected(ErrorCode.CURRENCY_MISMATCH);
        }
        if (n.amount().isPresent() && n.amount().get().compareTo(order.amount()) != 0) {
            return Decision.rejected(ErrorCode.AMOUNT_MISMATCH);
        }
        OrderStatus target = n.event().target();
        if (order.status() == OrderStatus.PENDING) {
            return Decision.of(NotificationOutcome.ACCEPTED);
        }
        boolean sameEffect = order.status() == target && (target != OrderStatus.PAID
                || order.operationNumber().map(n.operationNumber()::equals).orElse(true));
        return sameEffect ? Decision.of(NotificationOutcome.DUPLICATE) : Decision.rejected(ErrorCode.INVALID_TRANSITION);
    }

    private static Optional<Long> findKey(Connection c, IncomingNotification n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM notifications "
                + "WHERE event_type = ? AND cip = ? AND operation_number = ?")) {
            ps.setString(1, n.event().eventType());
            ps.setString(2, n.cip());
            ps.setString(3, n.operationNumber());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, IncomingNotification n, Optional<Order> order, Decision decision,
                               Instant now) throws SQLException {
        RowInsert row = recording(n, order, decision, now);
        try (PreparedStatement ps = c.prepareStatement(row.sql(), Statement.RETURN_GENERATED_KEYS)) {
            row.binder().bind(ps, 1);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static RowInsert recording(IncomingNotification n, Optional<Order> order, Decision decision, Instant now) {
        return new RowInsert("INSERT INTO notifications (event_type, cip, operation_number, order_id, outcome, code, "
                + "key_id, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (ps, i) -> {
                    ps.setString(i, n.event().eventType());
                    ps.setString(i + 1, n.cip());
                    ps.setString(i + 2, n.operationNumber());
                    ps.setObject(i + 3, order.map(Order::id).orElse(null), Types.BIGINT);
                    ps.setString(i + 4, decision.outcome().name());
                    ps.setString(i + 5, decision.code() == null ? null : decision.code().name());
                    ps.setString(i + 6, n.keyId());
                    ps.setString(i + 7, n.redactedPayload());
                    Timestamps.set(ps, i + 8, now);
                    return i + 9;
                });
    }

    /**
     * The rows of an accepted notification: the notification, the shop event, the audit entry. On PostgreSQL one
     * statement ({@code WITH} of data-modifying statements, each run once and to completion), one round trip instead
     * of three; H2 has no such statement, and in-process statements cost no round trip anyway.
     *
     * @return the notification's id
     */
    private long recordAccepted(Connection c, IncomingNotification n, Order after, Instant now) throws SQLException {
        Decision accepted = Decision.of(NotificationOutcome.ACCEPTED);
        RowInsert event = outbox.enqueueing(n.event().shopEventType(), after, now);
        RowInsert entry = audit.appending(acceptedEntry(n, after));
        if (engine != Engine.POSTGRESQL) {
            long id = insert(c, n, Optional.of(after), accepted, now);
            event.execute(c);
            entry.execute(c);
            return id;
        }
        RowInsert notification = recording(n, Optional.of(after), accepted, now);
        try (PreparedStatement ps = c.prepareStatement("WITH event AS (" + event.sql() + "), entry AS ("
                + entry.sql() + "), notification AS (" + notification.sql() + " RETURNING id) "
                + "SELECT id FROM notification")) {
            int i = event.binder().bind(ps, 1);
            i = entry.binder().bind(ps, i);
            notification.binder().bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A copy of a recorded notification: count it, change nothing else, answer as the first arrival was. */
    private NotificationResult repeat(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notifications SET duplicates = duplicates + 1, "
                + "last_duplicate_at = ? WHERE id = ?")) {
            Timestamps.set(ps, 1, clock.instant());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        NotificationRecord first = notification(c, id).orElseThrow();
        return new NotificationResult(id, first.outcome(), first.code(), OrderStore.findByCip(c, first.cip()), true);
    }

    /**
     * Moves a pending order to {@code target} for a reason other than a notification: the reconciler learned the
     * CIP was paid, expired or deleted, the order's expiry passed, or the CIP could not be issued ({@code FAILED}).
     * Same transaction shape as {@link #apply}: move, shop event (none for {@code FAILED}), audit entry.
     *
     * @param actor for the audit log ({@code reconciler})
     * @param operationNumber for {@code PAID}, when known
     * @param reason a short non-personal reason for the audit log ({@code search}, {@code expiry})
     */
    public Resolution resolve(long orderId, OrderStatus target, String actor, Optional<String> operationNumber,
                              String reason) {
        Objects.requireNonNull(target, "target");
        return transactions.inTransaction("resolving an order", c -> {
            Order order = OrderStore.lockById(c, orderId)
                    .orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
            Instant now = clock.instant();
            if (!OrderStore.moveFromPending(c, orderId, target, operationNumber.orElse(null), now)) {
                return new Resolution(false, order);
            }
            Order after = OrderStore.findById(c, orderId).orElseThrow();
            Optional<PaymentEvent> event = PaymentEvent.leadingTo(target);
            if (event.isPresent()) {
                outbox.enqueue(c, event.get().shopEventType(), after, now);
            }
            audit.append(c, AuditRecord.of(actor, "order." + target.name().toLowerCase(Locale.ROOT),
                    order.transactionCode(), "transactionCode", order.transactionCode(),
                    "cip", order.cip().orElse(null), "operationNumber", operationNumber.orElse(null),
                    "from", OrderStatus.PENDING.name(), "to", target.name(), "reason", reason));
            return new Resolution(true, after);
        });
    }

    /** Notifications newest first, optionally for one CIP; at most {@code limit} (1..1000). */
    public List<NotificationRecord> notifications(Optional<String> cip, int limit) {
        return transactions.inTransaction("listing notifications", c -> {
            String where = cip.isPresent() ? " WHERE cip = ?" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTIFICATION_COLUMNS + " FROM notifications"
                    + where + " ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                if (cip.isPresent()) {
                    ps.setString(i++, cip.get());
                }
                ps.setInt(i, Math.max(1, Math.min(limit, 1000)));
                List<NotificationRecord> records = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(readNotification(rs));
                    }
                }
                return records;
            }
        });
    }

    private static final String NOTIFICATION_COLUMNS =
            "id, event_type, cip, operation_number, outcome, code, received_at, key_id, duplicates";

    private static Optional<NotificationRecord> notification(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + NOTIFICATION_COLUMNS
                + " FROM notifications WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readNotification(rs)) : Optional.empty();
            }
        }
    }

    private static NotificationRecord readNotification(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        return new NotificationRecord(rs.getLong("id"), rs.getString("event_type"), rs.getString("cip"),
                rs.getString("operation_number"), NotificationOutcome.valueOf(rs.getString("outcome")),
                Optional.ofNullable(code).map(ErrorCode::valueOf), Timestamps.get(rs, "received_at"),
                rs.getString("key_id"), rs.getInt("duplicates"));
    }
}
