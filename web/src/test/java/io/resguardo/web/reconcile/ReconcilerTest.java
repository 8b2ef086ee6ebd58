package io.resguardo.web.reconcile;

import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.Database;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.NotificationResult;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.CipStatus;
import io.resguardo.web.pagoefectivo.Failures;
import io.resguardo.web.pagoefectivo.PagoEfectivoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(Engine.class)
class ReconcilerTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    final FakeLookup lookup = new FakeLookup();
    final String logName = "io.resguardo.reconcile.test." + UUID.randomUUID();
    final Logger logger = Logger.getLogger(logName);
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    TestDatabase testDatabase;
    Database db;
    Reconciler reconciler;

    @BeforeEach
    void open() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        testDatabase = DATABASES.create(engine);
        db = Fixtures.open(testDatabase, clock);
        reconciler = reconcilerOn(db, "node-a");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDroppedNotificationIsFoundBySearchAndMarksTheOrderPaidOnce() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.paid("100001", "OP-77");
        clock.advance(Duration.ofMinutes(15));

        assertEquals(1, reconciler.reconcileDue());

        Order order = db.orders().findById(id).orElseThrow();
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(Optional.of("OP-77"), order.operationNumber());
        assertEquals(1, events(id, "payment.succeeded"));
        assertEquals(1, audits("order.paid", Reconciler.ACTOR));
        assertTrue(db.audit().verify().intact());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void anOrderPastItsExpiryIsExpiredWithAPaymentExpiredEvent() throws SQLException {
        long withCip = pendingWithCip("T-1", "100001");
        lookup.answer("100001", CipStatus.PENDING);
        long withoutCip = db.orders().create(Fixtures.order("T-2", clock), "shop:k1").order().id();
        clock.advance(Duration.ofHours(25));

        assertEquals(2, reconciler.reconcileDue());

        for (long id : List.of(withCip, withoutCip)) {
            assertEquals(OrderStatus.EXPIRED, db.orders().findById(id).orElseThrow().status());
            assertEquals(1, events(id, "payment.expired"));
        }
        assertEquals(2, audits("order.expired", Reconciler.ACTOR));
    }

    @Test
    void aPaymentPagoEfectivoReportsWinsOverThePassedExpiry() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.paid("100001", "OP-9");
        clock.advance(Duration.ofHours(25));

        assertEquals(1, reconciler.reconcileDue());

        Order order = db.orders().findById(id).orElseThrow();
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(Optional.of("OP-9"), order.operationNumber());
        assertEquals(1, events(id, "payment.succeeded"));
        assertEquals(0, events(id, "payment.expired"));
    }

    @Test
    void aCipExpiredAtPagoEfectivoExpiresTheOrderBeforeItsOwnExpiry() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.answer("100001", CipStatus.EXPIRED);
        clock.advance(Duration.ofMinutes(15));

        assertEquals(1, reconciler.reconcileDue());

        assertEquals(OrderStatus.EXPIRED, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, events(id, "payment.expired"));
    }

    @Test
    void aDeletedCipCancelsTheOrder() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.answer("100001", CipStatus.DELETED);
        clock.advance(Duration.ofMinutes(15));

        assertEquals(1, reconciler.reconcileDue());

        assertEquals(OrderStatus.CANCELLED, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, events(id, "payment.cancelled"));
        assertEquals(1, audits("order.cancelled", Reconciler.ACTOR));
    }

    @Test
    void aCipStillPendingIsReleasedAndNotDueAgainUntilItsNextCheck() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.answer("100001", CipStatus.PENDING);
        clock.advance(Duration.ofMinutes(15));

        assertEquals(0, reconciler.reconcileDue());
        assertEquals(1, lookup.calls().size());
        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());

        clock.advance(Duration.ofMinutes(14));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(0, reconcilerOn(db, "node-b").reconcileDue());
        assertEquals(1, lookup.calls().size());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(2, lookup.calls().size());
        assertEquals(0, Fixtures.count(db, "SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void aCipUnknownToPagoEfectivoIsLookedAtAgainLater() {
        long id = pendingWithCip("T-1", "100001");
        clock.advance(Duration.ofMinutes(15));

        assertEquals(0, reconciler.reconcileDue());
        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        clock.advance(Duration.ofMinutes(15));
        reconciler.reconcileDue();
        assertEquals(2, lookup.calls().size());
    }

    @Test
    void anUnavailablePagoEfectivoChangesNothingAndIsAskedAgainWithinAMinute() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        pendingWithCip("T-2", "100002");
        lookup.failWith(Failures.of(PagoEfectivoException.Kind.UNAVAILABLE));
        clock.advance(Duration.ofMinutes(15));

        assertEquals(0, reconciler.reconcileDue());

        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        assertEquals(0, Fixtures.count(db, "SELECT COUNT(*) FROM outbox"));
        assertEquals(0, audits("order.paid", Reconciler.ACTOR) + audits("order.expired", Reconciler.ACTOR));
        assertEquals(List.of(List.of("100001", "100002")), lookup.calls());
        assertEquals(1, warnings("UNAVAILABLE"));

        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(1, lookup.calls().size());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(2, lookup.calls().size());
        assertEquals(2, warnings("UNAVAILABLE"));

        lookup.failWith(null);
        lookup.paid("100001", "OP-5");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, reconciler.reconcileDue());
        assertEquals(OrderStatus.PAID, db.orders().findById(id).orElseThrow().status());
    }

    @Test
    void anOrderPastItsExpiryStaysPendingWhilePagoEfectivoCannotSayWhetherItWasPaid() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.failWith(Failures.of(PagoEfectivoException.Kind.CREDENTIALS));
        clock.advance(Duration.ofHours(25));

        assertEquals(0, reconciler.reconcileDue());
        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, warnings("CREDENTIALS"));

        lookup.failWith(null);
        lookup.paid("100001", "OP-3");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, reconciler.reconcileDue());
        assertEquals(OrderStatus.PAID, db.orders().findById(id).orElseThrow().status());
        assertEquals(0, events(id, "payment.expired"));
    }

    @Test
    void anOrderWithoutCipAfterAnHourStaysPendingUntilItsExpiryAndIsLoggedOnce() {
        long id = db.orders().create(Fixtures.order("T-1", clock), "shop:k1").order().id();
        db.orders().recordCipAttempt(id);
        clock.advance(Duration.ofMinutes(15));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(0, warnings("has no CIP"));

        clock.advance(Duration.ofMinutes(45));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, warnings("has no CIP"));

        for (int hour = 0; hour < 20; hour++) {
            clock.advance(Duration.ofHours(1));
            assertEquals(0, reconciler.reconcileDue());
        }
        assertEquals(1, warnings("has no CIP"));
        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());

        clock.advance(Duration.ofHours(3));
        assertEquals(1, reconciler.reconcileDue());
        assertEquals(OrderStatus.EXPIRED, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, warnings("has no CIP"));
        assertTrue(lookup.calls().isEmpty());
        assertFalse(logged.stream().anyMatch(r -> r.getMessage().contains("maria")));
    }

    @Test
    void twoNodesResolveEachOf100DueOrdersExactlyOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String cip = String.valueOf(200_000 + i);
            ids.add(pendingWithCip("T-" + i, cip));
            lookup.paid(cip, "OP-" + i);
        }
        clock.advance(Duration.ofMinutes(15));
        try (Database otherNode = Fixtures.open(testDatabase, clock)) {
            List<Reconciler> nodes = List.of(reconcilerOn(db, "node-a-1"), reconcilerOn(otherNode, "node-b-1"),
                    reconcilerOn(db, "node-a-2"), reconcilerOn(otherNode, "node-b-2"));

            int moved = Concurrently.sum(nodes.size(), t -> {
                int total = 0;
                for (int n = nodes.get(t).reconcileDue(); n > 0; n = nodes.get(t).reconcileDue()) {
                    total += n;
                }
                return total;
            });

            assertEquals(100, moved);
        }
        assertEquals(100, Fixtures.count(db, "SELECT COUNT(*) FROM orders WHERE status = 'PAID'"));
        assertEquals(100, Fixtures.count(db, "SELECT COUNT(*) FROM outbox WHERE event_type = 'payment.succeeded'"));
        assertEquals(100, Fixtures.count(db, "SELECT COUNT(DISTINCT order_id) FROM outbox"));
        assertEquals(100, audits("order.paid", Reconciler.ACTOR));
        assertTrue(db.audit().verify().intact());
        assertEquals(0, warnings(""));
    }

    @Test
    void aNotificationArrivingDuringTheSearchLeavesTheReconcilerNothingToDo() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.paid("100001", "OP-1");
        lookup.duringSearch(() -> db.payments().apply(Fixtures.paid("100001", "OP-1")));
        clock.advance(Duration.ofMinutes(15));

        assertEquals(0, reconciler.reconcileDue());

        assertEquals(OrderStatus.PAID, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, events(id, "payment.succeeded"));
        assertEquals(1, audits("order.paid", "pagoefectivo"));
        assertEquals(0, audits("order.paid", Reconciler.ACTOR));
    }

    @Test
    void notificationsAndTheReconcilerRacingOnTheSameOrdersHaveOneEffectEach() throws Exception {
        int orders = 50;
        for (int i = 0; i < orders; i++) {
            String cip = String.valueOf(300_000 + i);
            pendingWithCip("T-" + i, cip);
            lookup.paid(cip, "OP-" + i);
        }
        clock.advance(Duration.ofMinutes(15));
        try (Database otherNode = Fixtures.open(testDatabase, clock)) {
            int effects = Concurrently.sum(2, t -> {
                if (t == 0) {
                    return reconciler.reconcileDue();
                }
                int accepted = 0;
                for (int i = orders - 1; i >= 0; i--) {
                    NotificationResult r = otherNode.payments().apply(
                            Fixtures.paid(String.valueOf(300_000 + i), "OP-" + i));
                    accepted += r.outcome() == NotificationOutcome.ACCEPTED ? 1 : 0;
                }
                return accepted;
            });

            assertEquals(orders, effects);
        }
        assertEquals(orders, Fixtures.count(db, "SELECT COUNT(*) FROM orders WHERE status = 'PAID'"));
        assertEquals(orders, Fixtures.count(db, "SELECT COUNT(*) FROM outbox"));
        assertEquals(orders, Fixtures.count(db, "SELECT COUNT(DISTINCT order_id) FROM outbox"));
        db.audit().chainPending();
        assertEquals(orders, Fixtures.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'order.paid'"));
        assertTrue(db.audit().verify().intact());
    }

    @Test
    void aScheduledPassSurvivesADatabaseOutageAndStopCancelsTheSchedule() throws Exception {
        CapturingScheduler scheduler = new CapturingScheduler();
        try {
            reconciler.start(scheduler, Duration.ofSeconds(1));
            assertEquals(1000, scheduler.period);
            assertThrows(IllegalStateException.class, () -> reconciler.start(scheduler, Duration.ofSeconds(1)));
            db.close();

            scheduler.command.run();

            assertEquals(1, warnings("pass skipped, database"));
            reconciler.stop();
            assertTrue(scheduler.future.isCancelled());
        } finally {
            scheduler.shutdownNow();
            db = Fixtures.open(testDatabase, clock);
        }
    }

    @Test
    void aPeriodUnderOneMillisecondIsRefused() {
        CapturingScheduler scheduler = new CapturingScheduler();
        try {
            assertThrows(IllegalArgumentException.class, () -> reconciler.start(scheduler, Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> reconciler.start(scheduler, Duration.ofNanos(999_999)));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aManualCheckSettlesAPaidOrderAtOnceThroughTheLedger() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.paid("100001", "OP-42");
        Order pending = db.orders().findById(id).orElseThrow();

        assertEquals(Reconciler.Outcome.MOVED, reconciler.reconcile(pending));

        Order order = db.orders().findById(id).orElseThrow();
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(Optional.of("OP-42"), order.operationNumber());
        assertEquals(1, events(id, "payment.succeeded"));
        assertEquals(Reconciler.Outcome.UNCHANGED, reconciler.reconcile(order), "nothing to do for a paid order");
        assertEquals(Reconciler.Outcome.UNCHANGED, reconciler.reconcile(pending), "a stale copy moves nothing");
        assertEquals(1, events(id, "payment.succeeded"));
        assertEquals(1, audits("order.paid", Reconciler.ACTOR));
        assertEquals(2, lookup.calls().size(), "a paid order is not asked about");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, reconciler.reconcileDue());
    }

    @Test
    void aManualCheckOfAStillPendingCipKeepsTheOrdersSchedule() {
        long id = pendingWithCip("T-1", "100001");
        lookup.answer("100001", CipStatus.PENDING);

        assertEquals(Reconciler.Outcome.UNCHANGED, reconciler.reconcile(db.orders().findById(id).orElseThrow()));

        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(0, reconciler.reconcileDue());
        assertEquals(2, lookup.calls().size(), "the first scheduled check still came at 15 minutes");
    }

    @Test
    void aManualCheckWhilePagoEfectivoIsDownChangesNothing() throws SQLException {
        long id = pendingWithCip("T-1", "100001");
        lookup.failWith(Failures.of(PagoEfectivoException.Kind.UNAVAILABLE));
        clock.advance(Duration.ofHours(25));

        assertEquals(Reconciler.Outcome.UPSTREAM_UNAVAILABLE,
                reconciler.reconcile(db.orders().findById(id).orElseThrow()));

        assertEquals(OrderStatus.PENDING, db.orders().findById(id).orElseThrow().status());
        assertEquals(0, Fixtures.count(db, "SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void aManualCheckOfAnOrderWithoutCipNeverAsksAndOnlyExpiresIt() throws SQLException {
        long id = db.orders().create(Fixtures.order("T-1", clock), "shop:k1").order().id();
        db.orders().recordCipAttempt(id);

        assertEquals(Reconciler.Outcome.UNCHANGED, reconciler.reconcile(db.orders().findById(id).orElseThrow()));
        clock.advance(Duration.ofHours(25));
        assertEquals(Reconciler.Outcome.MOVED, reconciler.reconcile(db.orders().findById(id).orElseThrow()));

        assertEquals(OrderStatus.EXPIRED, db.orders().findById(id).orElseThrow().status());
        assertEquals(1, events(id, "payment.expired"));
        assertTrue(lookup.calls().isEmpty());
    }

    /** Keeps the scheduled command so the test runs a pass itself instead of waiting 30 seconds. */
    static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
        Runnable command;
        ScheduledFuture<?> future;
        long period;

        CapturingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long delay, long period, TimeUnit unit) {
            command = task;
            this.period = unit.toMillis(delay) == unit.toMillis(period) ? unit.toMillis(period) : -1;
            future = super.scheduleWithFixedDelay(task, delay, period, unit);
            return future;
        }
    }

    private Reconciler reconcilerOn(Database database, String node) {
        return new Reconciler(database.orders(), database.payments(), lookup, clock, node,
                new SafeLog(logName, Redactor.standard()));
    }

    private long pendingWithCip(String transactionCode, String cip) {
        long id = db.orders().create(Fixtures.order(transactionCode, clock), "shop:k1").order().id();
        db.orders().assignCip(id, cip, "https://pagoefectivo.example/cip/" + cip, "shop:k1");
        return id;
    }

    private long events(long orderId, String type) throws SQLException {
        return Fixtures.count(db, "SELECT COUNT(*) FROM outbox WHERE order_id = ? AND event_type = ?", orderId, type);
    }

    /** Chained entries only: the background chainer may not have run yet, so this links what is pending first. */
    private long audits(String action, String actor) throws SQLException {
        db.audit().chainPending();
        return Fixtures.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ?", action, actor);
    }

    private long warnings(String containing) {
        return logged.stream()
                .filter(r -> r.getLevel() == Level.WARNING && r.getMessage().contains(containing))
                .count();
    }
}
