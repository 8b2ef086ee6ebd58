package io.resguardo.sql.order;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.DocumentType;
import io.resguardo.core.validation.IdentityDocument;
import io.resguardo.core.validation.ValidOrder;
import io.resguardo.sql.Engine;
import io.resguardo.sql.audit.AuditLog;
import io.resguardo.sql.audit.AuditRecord;
import io.resguardo.sql.internal.SqlErrors;
import io.resguardo.sql.internal.Timestamps;
import io.resguardo.sql.internal.Transactions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders: creation idempotent on the transaction code, lookups, CIP assignment and the reconciler's work queue.
 *
 * <p>Guarantees: every statement is prepared; each public method is one transaction; a transaction code maps to
 * one order whatever the number of concurrent creators and nodes (the unique constraint decides, the loser reads
 * the winner's order). Methods taking a {@link Connection} join the caller's open transaction instead.
 */
public final class OrderStore {
    /** When the reconciler first looks at a pending order: a notification normally arrives well before. */
    public static final Duration FIRST_CHECK_AFTER = Duration.ofMinutes(15);

    static final String COLUMNS = "id, transaction_code, amount, currency, payment_concept, expires_at, "
            + "customer_email, customer_first_name, customer_last_name, customer_document_type, "
            + "customer_document_number, customer_phone, customer_country_code, status, cip, cip_url, "
            + "operation_number, created_at, updated_at, paid_at, cip_attempts";

    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;

    public OrderStore(Transactions transactions, Clock clock, AuditLog audit) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Stores a validated order as {@code PENDING}, unless its transaction code is taken: then the stored order is
     * returned, as {@link CreateResult.Outcome#EXISTING} when amount, currency and customer are the same (a retry)
     * or {@link CreateResult.Outcome#CONFLICT} when any differs. The payment concept and expiry of a retry are not
     * compared: the first request's stand.
     *
     * @param actor who asks, for the audit log ({@code shop:<keyid>})
     */
    public CreateResult create(ValidOrder order, String actor) {
        Objects.requireNonNull(order, "order");
        return transactions.inTransaction("creating an order", c -> {
            Optional<Order> existing = findByTransactionCode(c, order.transactionCode());
            if (existing.isPresent()) {
                return compare(order, existing.get());
            }
            Savepoint beforeInsert = c.setSavepoint();
            long id;
            try {
                id = insert(c, order, actor);
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // Another creator won the race for this transaction code and has committed.
                c.rollback(beforeInsert);
                return compare(order, findByTransactionCode(c, order.transactionCode()).orElseThrow(() -> e));
            }
            audit.append(c, AuditRecord.of(actor, "order.created", order.transactionCode(),
                    "transactionCode", order.transactionCode(), "amount", order.amount().toPlainString(),
                    "currency", order.currency().name(), "status", OrderStatus.PENDING.name()));
            return new CreateResult(CreateResult.Outcome.CREATED, findById(c, id).orElseThrow());
        });
    }

    private static CreateResult compare(ValidOrder wanted, Order stored) {
        boolean same = wanted.amount().compareTo(stored.amount()) == 0
                && wanted.currency() == stored.currency()
                && wanted.customer().equals(stored.customer());
        return new CreateResult(same ? CreateResult.Outcome.EXISTING : CreateResult.Outcome.CONFLICT, stored);
    }

    private long insert(Connection c, ValidOrder order, String actor) throws SQLException {
        Instant now = clock.instant();
        Customer customer = order.customer();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (transaction_code, amount, currency, "
                + "payment_concept, expires_at, customer_email, customer_first_name, customer_last_name, "
                + "customer_document_type, customer_document_number, customer_phone, customer_country_code, status, "
                + "created_by, created_at, updated_at, next_check_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, order.transactionCode());
            ps.setBigDecimal(2, order.amount());
            ps.setString(3, order.currency().name());
            ps.setString(4, order.paymentConcept());
            Timestamps.set(ps, 5, order.expiresAt().toInstant());
            ps.setString(6, customer.email());
            ps.setString(7, customer.firstName().orElse(null));
            ps.setString(8, customer.lastName().orElse(null));
            ps.setString(9, customer.document().map(d -> d.type().name()).orElse(null));
            ps.setString(10, customer.document().map(IdentityDocument::number).orElse(null));
            ps.setString(11, customer.phone());
            ps.setString(12, customer.countryCode());
            ps.setString(13, actor);
            Timestamps.set(ps, 14, now);
            Timestamps.set(ps, 15, now);
            Timestamps.set(ps, 16, now.plus(FIRST_CHECK_AFTER));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<Order> findByTransactionCode(String transactionCode) {
        return transactions.inTransaction("reading an order", c -> findByTransactionCode(c, transactionCode));
    }

    public Optional<Order> findByCip(String cip) {
        return transactions.inTransaction("reading an order", c -> findByCip(c, cip));
    }

    public Optional<Order> findById(long id) {
        return transactions.inTransaction("reading an order", c -> findById(c, id));
    }

    static Optional<Order> findByTransactionCode(Connection c, String transactionCode) throws SQLException {
        return one(c, "transaction_code = ?", transactionCode, false);
    }

    /** The order with that id, read in the caller's transaction without locking it. */
    public static Optional<Order> findById(Connection c, long id) throws SQLException {
        return one(c, "id = ?", id, false);
    }

    /** The order with that CIP, read in the caller's transaction without locking it. */
    public static Optional<Order> findByCip(Connection c, String cip) throws SQLException {
        return one(c, "cip = ?", cip, false);
    }

    /** The order with that CIP, row-locked until the caller's transaction ends. */
    public static Optional<Order> lockByCip(Connection c, String cip) throws SQLException {
        return one(c, "cip = ?", cip, true);
    }

    /** The order with that id, row-locked until the caller's transaction ends. */
    public static Optional<Order> lockById(Connection c, long id) throws SQLException {
        return one(c, "id = ?", id, true);
    }

    /**
     * Moves a {@code PENDING} order to {@code target} in the caller's transaction: the only way an order's status
     * changes. Also ends any reconciler lease.
     *
     * @param operationNumber recorded for {@link OrderStatus#PAID}; may be {@code null}
     * @return false when the order was no longer {@code PENDING} (someone else moved it first)
     */
    public static boolean moveFromPending(Connection c, long id, OrderStatus target, String operationNumber,
                                          Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MOVE + "id = ? AND status = 'PENDING'")) {
            setMove(ps, target, operationNumber, now);
            ps.setLong(5, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Moves the {@code PENDING} order with this CIP to {@code target}, only if its currency and amount are the given
     * ones (each checked when present): the common case of a notification decided and locked in one statement.
     *
     * @return the order as moved; empty when no order matched (no such CIP, not pending, or a different currency or
     *     amount): the caller must then look at the order to tell which
     */
    public static Optional<Order> moveMatchingFromPending(Connection c, Engine engine, String cip,
                                                          Optional<String> currency, Optional<BigDecimal> amount,
                                                          OrderStatus target, String operationNumber, Instant now)
            throws SQLException {
        // Only constant fragments are joined here; every value is a parameter.
        String update = MOVE + "cip = ? AND status = 'PENDING'" + (currency.isPresent() ? " AND currency = ?" : "")
                + (amount.isPresent() ? " AND amount = ?" : "");
        // The moved row comes back from the UPDATE itself, one round trip: standard SQL's data change delta table on
        // H2, RETURNING on PostgreSQL (which has no delta tables; H2 has no RETURNING).
        String sql = engine == Engine.POSTGRESQL ? update + " RETURNING " + COLUMNS
                : "SELECT " + COLUMNS + " FROM FINAL TABLE (" + update + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            setMove(ps, target, operationNumber, now);
            int i = 5;
            ps.setString(i++, cip);
            if (currency.isPresent()) {
                ps.setString(i++, currency.get());
            }
            if (amount.isPresent()) {
                ps.setBigDecimal(i, amount.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The one way a status changes; also ends any reconciler lease. Parameters 1 to 4, then the row's condition. */
    private static final String MOVE = "UPDATE orders SET status = ?, updated_at = ?, paid_at = ?, "
            + "operation_number = COALESCE(?, operation_number), lease_owner = NULL, lease_until = NULL WHERE ";

    private static void setMove(PreparedStatement ps, OrderStatus target, String operationNumber, Instant now)
            throws SQLException {
        if (target == OrderStatus.PENDING) {
            throw new IllegalArgumentException("an order cannot move to PENDING");
        }
        ps.setString(1, target.name());
        Timestamps.set(ps, 2, now);
        Timestamps.set(ps, 3, target == OrderStatus.PAID ? now : null);
        ps.setString(4, target == OrderStatus.PAID ? operationNumber : null);
    }

    private static Optional<Order> one(Connection c, String where, Object key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE " + where
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The newest orders first, optionally of one status; at most {@code limit} (1..1000). */
    public List<Order> list(Optional<OrderStatus> status, int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return transactions.inTransaction("listing orders", c -> {
            String where = status.isPresent() ? " WHERE status = ?" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders" + where
                    + " ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                if (status.isPresent()) {
                    ps.setString(i++, status.get().name());
                }
                ps.setInt(i, bounded);
                return readAll(ps);
            }
        });
    }

    /** How many orders are in each status (every status present, zero when none). */
    public Map<OrderStatus, Long> countByStatus() {
        return transactions.inTransaction("counting orders", c -> {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            for (OrderStatus s : OrderStatus.values()) {
                counts.put(s, 0L);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM orders GROUP BY status")) {
                while (rs.next()) {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /**
     * Records that a CIP is being asked for, before the request leaves: an attempt whose answer never comes
     * stays visible, and the reconciler resolves it rather than anyone asking again blindly.
     *
     * @return the attempt's number (1 for the first)
     */
    public int recordCipAttempt(long orderId) {
        return transactions.inTransaction("recording a CIP attempt", c -> {
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET cip_attempts = cip_attempts + 1, "
                    + "last_cip_attempt_at = ?, updated_at = ? WHERE id = ?")) {
                Timestamps.set(ps, 1, now);
                Timestamps.set(ps, 2, now);
                ps.setLong(3, orderId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no order " + orderId);
                }
            }
            return findById(c, orderId).orElseThrow().cipAttempts();
        });
    }

    /**
     * Stores the CIP PagoEfectivo issued for a pending order that has none yet.
     *
     * @return the order as stored now; unchanged when it already had a CIP or is no longer pending
     */
    public Order assignCip(long orderId, String cip, String cipUrl, String actor) {
        Objects.requireNonNull(cip, "cip");
        return transactions.inTransaction("storing a CIP", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET cip = ?, cip_url = ?, updated_at = ? "
                    + "WHERE id = ? AND cip IS NULL AND status = 'PENDING'")) {
                ps.setString(1, cip);
                ps.setString(2, cipUrl);
                Timestamps.set(ps, 3, clock.instant());
                ps.setLong(4, orderId);
                if (ps.executeUpdate() == 1) {
                    Order order = findById(c, orderId).orElseThrow();
                    audit.append(c, AuditRecord.of(actor, "order.cip_issued", order.transactionCode(),
                            "transactionCode", order.transactionCode(), "cip", cip));
                    return order;
                }
            }
            return findById(c, orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        });
    }

    /**
     * Leases up to {@code limit} pending orders that are due a check (their next check time or their expiry has
     * come) to {@code owner} for {@code lease}. No two owners hold a lease on the same order at once: on
     * PostgreSQL rows locked by another node's claim are skipped, and on every engine the lease is taken with a
     * conditional update that only one claimer can win.
     */
    public List<Order> claimDue(String owner, Duration lease, int limit) {
        Objects.requireNonNull(owner, "owner");
        return transactions.inTransaction("claiming due orders", c -> {
            Instant now = clock.instant();
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE status = 'PENDING' "
                    + "AND (next_check_at <= ? OR expires_at <= ?) AND (lease_until IS NULL OR lease_until <= ?) "
                    + "ORDER BY next_check_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                Timestamps.set(ps, 1, now);
                Timestamps.set(ps, 2, now);
                Timestamps.set(ps, 3, now);
                ps.setInt(4, Math.max(1, Math.min(limit, 500)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            List<Order> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET lease_owner = ?, lease_until = ? "
                    + "WHERE id = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)")) {
                for (long id : candidates) {
                    ps.setString(1, owner);
                    Timestamps.set(ps, 2, now.plus(lease));
                    ps.setLong(3, id);
                    Timestamps.set(ps, 4, now);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(findById(c, id).orElseThrow());
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * Gives back a lease without resolving the order, and says when to look again.
     *
     * @return false when {@code owner} no longer held the lease
     */
    public boolean release(long orderId, String owner, Instant nextCheckAt) {
        return transactions.inTransaction("releasing an order", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET lease_owner = NULL, lease_until = NULL, "
                    + "next_check_at = ? WHERE id = ? AND lease_owner = ?")) {
                Timestamps.set(ps, 1, nextCheckAt);
                ps.setLong(2, orderId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Order> readAll(PreparedStatement ps) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                orders.add(read(rs));
            }
        }
        return orders;
    }

    static Order read(ResultSet rs) throws SQLException {
        String documentType = rs.getString("customer_document_type");
        Optional<IdentityDocument> document = documentType == null ? Optional.empty()
                : Optional.of(new IdentityDocument(DocumentType.valueOf(documentType),
                rs.getString("customer_document_number")));
        Customer customer = new Customer(rs.getString("customer_email"),
                Optional.ofNullable(rs.getString("customer_first_name")),
                Optional.ofNullable(rs.getString("customer_last_name")), document,
                rs.getString("customer_phone"), rs.getString("customer_country_code"));
        return new Order(rs.getLong("id"), rs.getString("transaction_code"), rs.getBigDecimal("amount"),
                Currency.valueOf(rs.getString("currency")), rs.getString("payment_concept"),
                Timestamps.get(rs, "expires_at"), customer, OrderStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("cip")), Optional.ofNullable(rs.getString("cip_url")),
                Timestamps.get(rs, "created_at"), Timestamps.get(rs, "updated_at"),
                Optional.ofNullable(Timestamps.get(rs, "paid_at")),
                Optional.ofNullable(rs.getString("operation_number")), rs.getInt("cip_attempts"));
    }
}
