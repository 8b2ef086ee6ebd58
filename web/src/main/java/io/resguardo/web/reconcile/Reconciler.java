package io.resguardo.web.reconcile;

import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.sql.payment.PaymentLedger;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.CipState;
import io.resguardo.web.pagoefectivo.CipStatus;
import io.resguardo.web.pagoefectivo.PagoEfectivoException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * Resolves pending orders whose notification never came: one pass leases the due orders, asks PagoEfectivo about
 * their CIPs in one search, and moves each order through {@link PaymentLedger#resolve}, the same one-transaction
 * path a notification takes, so a notification arriving at the same moment and the reconciler have one effect
 * between them (whoever locks the order row second finds it no longer pending and changes nothing).
 *
 * <p>Guarantees: on any number of nodes sharing one database, an order is leased to one node at a time; a payment
 * PagoEfectivo reports wins over the order's expiry; when PagoEfectivo cannot answer nothing changes and the orders
 * are looked at again shortly; an order left unresolved always gets a later check. The rules and intervals are in
 * the package documentation.
 *
 * <p>An operator may also ask about one order at once ({@link #reconcile(Order)}): the same search and the same
 * rules, without a lease, so it may overlap a scheduled pass on that order; the ledger keeps the effect single.
 *
 * <p>Thread-safe: passes may run concurrently (the leases keep them apart).
 */
public final class Reconciler {
    /** The audit log's actor for every move made here. */
    public static final String ACTOR = "reconciler";
    /** How long a pass holds its orders; another node takes them over after that if this one died. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Orders per pass; also PagoEfectivo's limit for one search. */
    static final int BATCH = 100;
    /** The shortest wait before looking at a still-pending order again. */
    static final Duration MIN_INTERVAL = OrderStore.FIRST_CHECK_AFTER;
    /** The longest wait before looking at a still-pending order again. */
    static final Duration MAX_INTERVAL = Duration.ofHours(6);
    /** The wait after PagoEfectivo could not answer. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    /** How long an order may lack a CIP before the creation is taken as failed or lost. */
    static final Duration CIP_PATIENCE = Duration.ofHours(1);

    private final OrderStore orders;
    private final PaymentLedger ledger;
    private final CipLookup lookup;
    private final Clock clock;
    private final String owner;
    private final SafeLog log;
    private ScheduledFuture<?> scheduled;

    /** What {@link #reconcile(Order)} did. */
    public enum Outcome {
        /** The order left {@code PENDING} through this call. */
        MOVED,
        /** Nothing to change: the order is still pending at PagoEfectivo, or was no longer pending here. */
        UNCHANGED,
        /** PagoEfectivo could not answer; nothing changed. */
        UPSTREAM_UNAVAILABLE
    }

    /** What the rules say about one order: resolve it, or leave it for a later look. */
    private record Decision(OrderStatus target, Optional<String> operationNumber, String reason,
                            Instant nextCheckAt) {
        static Decision resolve(OrderStatus target, Optional<String> operationNumber, String reason) {
            return new Decision(target, operationNumber, reason, null);
        }

        static Decision later(Instant nextCheckAt) {
            return new Decision(null, Optional.empty(), null, nextCheckAt);
        }

        boolean resolves() {
            return target != null;
        }
    }

    /**
     * @param nodeId this node's name as the lease owner (1 to 80 characters, distinct per node)
     * @param log    where resolutions, lost creations and PagoEfectivo failures are logged
     */
    public Reconciler(OrderStore orders, PaymentLedger ledger, CipLookup lookup, Clock clock, String nodeId,
                      SafeLog log) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(nodeId, "nodeId");
        this.log = Objects.requireNonNull(log, "log");
        if (nodeId.isBlank() || nodeId.length() > 80) {
            throw new IllegalArgumentException("nodeId must be 1 to 80 characters");
        }
    }

    /**
     * One pass over at most {@value #BATCH} due orders.
     *
     * @return how many orders this pass moved out of {@code PENDING}
     * @throws io.resguardo.sql.DatabaseUnavailableException when the orders could not be leased; an order whose own
     *                                                       update fails is skipped and comes back when its lease
     *                                                       ends
     */
    public int reconcileDue() {
        List<Order> claimed = orders.claimDue(owner, LEASE, BATCH);
        if (claimed.isEmpty()) {
            return 0;
        }
        Optional<Map<String, CipState>> states = search(claimed);
        int moved = 0;
        for (Order order : claimed) {
            try {
                if (settle(order, states)) {
                    moved++;
                }
            } catch (DatabaseException e) {
                log.warning("reconciler: order " + order.id() + " not settled (" + e.code()
                        + "); it is looked at again when its lease ends");
            }
        }
        return moved;
    }

    /**
     * Asks PagoEfectivo about one order now, whatever its next check time, and applies the pass's rules to it
     * through the same {@link PaymentLedger#resolve} (a payment wins over the expiry; an order without a CIP is only
     * ever expired, never given a new CIP). Takes no lease and leaves the order's next check as it was.
     *
     * @return {@link Outcome#UNCHANGED} at once for an order that is not {@code PENDING}
     * @throws io.resguardo.sql.DatabaseException when the move could not be written
     */
    public Outcome reconcile(Order order) {
        Objects.requireNonNull(order, "order");
        if (order.status() != OrderStatus.PENDING) {
            return Outcome.UNCHANGED;
        }
        Optional<Map<String, CipState>> states = search(List.of(order));
        if (states.isEmpty() && order.cip().isPresent()) {
            return Outcome.UPSTREAM_UNAVAILABLE;
        }
        Decision decision = decide(order, states);
        return decision.resolves() && apply(order, decision) ? Outcome.MOVED : Outcome.UNCHANGED;
    }

    /**
     * Runs a pass every {@code period} (fixed delay, the first one {@code period} from now; deployments use
     * {@code RESGUARDO_RECONCILE_INTERVAL}, default 30 seconds) on {@code executor} until
     * {@link #stop()}.
     *
     * @throws IllegalArgumentException when {@code period} is under one millisecond
     */
    public synchronized void start(ScheduledExecutorService executor, Duration period) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(period, "period");
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms");
        }
        if (scheduled != null) {
            throw new IllegalStateException("reconciler already started");
        }
        long millis = period.toMillis();
        scheduled = executor.scheduleWithFixedDelay(this::scheduledPass, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops scheduling passes; a pass already running finishes. The executor is left to its owner. */
    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    private void scheduledPass() {
        try {
            reconcileDue();
        } catch (DatabaseException e) {
            log.warning("reconciler: pass skipped, database " + e.code());
        } catch (Throwable e) {
            // Anything escaping would make the executor cancel every later run without a word.
            log.log(Level.SEVERE, "reconciler: pass failed", e);
        }
    }

    /** The states of the claimed orders' CIPs by CIP; empty when PagoEfectivo could not answer. */
    private Optional<Map<String, CipState>> search(List<Order> claimed) {
        List<String> cips = claimed.stream().flatMap(o -> o.cip().stream()).distinct().toList();
        if (cips.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            Map<String, CipState> byCip = new HashMap<>();
            for (CipState state : lookup.search(cips)) {
                byCip.put(state.cip(), state);
            }
            return Optional.of(byCip);
        } catch (PagoEfectivoException e) {
            warnSearchFailed(cips.size(), e.kind().name());
        } catch (RuntimeException e) {
            warnSearchFailed(cips.size(), e.getClass().getName());
        }
        return Optional.empty();
    }

    private void warnSearchFailed(int cips, String why) {
        log.warning("reconciler: PagoEfectivo search failed (" + why + "); " + cips + " orders unchanged, retried in "
                + RETRY_AFTER_FAILURE.toMinutes() + " min");
    }

    /** Resolves or releases one leased order; true when this call moved it. */
    private boolean settle(Order order, Optional<Map<String, CipState>> states) {
        Decision decision = decide(order, states);
        if (decision.resolves()) {
            return apply(order, decision);
        }
        orders.release(order.id(), owner, decision.nextCheckAt());
        return false;
    }

    /** The rules of the package documentation, for one pending order and what PagoEfectivo said about it. */
    private Decision decide(Order order, Optional<Map<String, CipState>> states) {
        Instant now = clock.instant();
        if (order.cip().isPresent()) {
            if (states.isEmpty()) {
                return Decision.later(now.plus(RETRY_AFTER_FAILURE));
            }
            Optional<CipState> state = Optional.ofNullable(states.get().get(order.cip().get()));
            CipStatus status = state.map(CipState::status).orElse(CipStatus.UNKNOWN);
            switch (status) {
                case PAID:
                    return Decision.resolve(OrderStatus.PAID, state.get().operationNumber(), "search");
                case EXPIRED:
                    return Decision.resolve(OrderStatus.EXPIRED, Optional.empty(), "search");
                case DELETED:
                    return Decision.resolve(OrderStatus.CANCELLED, Optional.empty(), "search");
                default:
                    break;
            }
        }
        if (!now.isBefore(order.expiresAt())) {
            return Decision.resolve(OrderStatus.EXPIRED, Optional.empty(), "expiry");
        }
        Duration age = Duration.between(order.createdAt(), now);
        if (order.cip().isEmpty() && age.compareTo(CIP_PATIENCE) >= 0) {
            // Looked at next at its expiry, where it is expired: so this line is written once per order.
            log.warning("reconciler: order " + order.id() + " (transaction " + order.transactionCode() + ") has no CIP "
                    + "after " + CIP_PATIENCE.toMinutes() + " min (" + order.cipAttempts() + " creation attempts); "
                    + "left PENDING until its expiry");
            return Decision.later(order.expiresAt());
        }
        return Decision.later(now.plus(nextInterval(age)));
    }

    /** A quarter of the order's age, kept between {@link #MIN_INTERVAL} and {@link #MAX_INTERVAL}. */
    static Duration nextInterval(Duration age) {
        Duration quarter = age.isNegative() ? Duration.ZERO : age.dividedBy(4);
        if (quarter.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return quarter.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : quarter;
    }

    private boolean apply(Order order, Decision decision) {
        boolean moved = ledger.resolve(order.id(), decision.target(), ACTOR, decision.operationNumber(),
                decision.reason()).moved();
        if (moved) {
            log.info("reconciler: order " + order.id() + " " + decision.target() + " (" + decision.reason() + ")");
        }
        return moved;
    }
}
