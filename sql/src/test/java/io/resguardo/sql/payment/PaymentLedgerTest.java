package io.resguardo.sql.payment;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.validation.Currency;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.sql.Fixtures;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@ParameterizedClass
@EnumSource(Engine.class)
class PaymentLedgerTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    TestDatabase testDatabase;
    Database db;

    @BeforeEach
    void open() {
        testDatabase = DATABASES.create(engine);
        db = Fixtures.open(testDatabase, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Order pendingWithCip(String transactionCode, String cip) {
        Order order = db.orders().create(Fixtures.order(transactionCode, clock), "shop:k1").order();
        return db.orders().assignCip(order.id(), cip, "https://pago.example/" + cip, "shop:k1");
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Fixtures.count(db, sql, parameters);
    }

    @Test
    void aPaidNotificationMarksThePaidOrderQueuesTheShopEventAndAudits() throws Exception {
        Order order = pendingWithCip("T-1", "1000001");
        clock.advance(Duration.ofMinutes(3));
        NotificationResult result = db.payments().apply(Fixtures.paid("1000001", "OP-1"));

        assertEquals(NotificationOutcome.ACCEPTED, result.outcome());
        assertFalse(result.repeated());
        Order paid = db.orders().findById(order.id()).orElseThrow();
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(Optional.of("OP-1"), paid.operationNumber());
        assertEquals(Optional.of(clock.instant()), paid.paidAt());
        assertEquals(paid, result.order().orElseThrow());

        List<OutboxEvent> events = db.outbox().list(Optional.empty(), 10);
        assertEquals(1, events.size());
        assertEquals("payment.succeeded", events.get(0).eventType());
        assertEquals("T-1", events.get(0).transactionCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'order.paid' AND subject = 'T-1'"));
        assertTrue(db.audit().verify().intact());

        NotificationRecord recorded = db.payments().notifications(Optional.of("1000001"), 10).get(0);
        assertEquals(NotificationOutcome.ACCEPTED, recorded.outcome());
        assertEquals("cip.paid", recorded.eventType());
        assertEquals("current", recorded.keyId());
        assertEquals(0, recorded.duplicates());
    }

    @Test
    void theSameNotificationAgainOnlyCountsAsADuplicate() throws Exception {
        pendingWithCip("T-2", "1000002");
        NotificationResult first = db.payments().apply(Fixtures.paid("1000002", "OP-2"));
        NotificationResult again = db.payments().apply(Fixtures.paid("1000002", "OP-2"));

        assertTrue(again.repeated());
        assertEquals(NotificationOutcome.ACCEPTED, again.outcome());
        assertEquals(first.notificationId(), again.notificationId());
        assertEquals(1, count("SELECT COUNT(*) FROM notifications"));
        assertEquals(1, count("SELECT duplicates FROM notifications"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'order.paid'"));
    }

    @Test
    void fiftyConcurrentCopiesOnTwoNodesHaveExactlyOneEffect() throws Exception {
        Order order = pendingWithCip("T-50", "1000050");
        long auditBefore = count("SELECT COUNT(*) FROM audit_log");
        try (Database otherNode = Fixtures.open(testDatabase, clock)) {
            AtomicInteger firstArrivals = new AtomicInteger();
            int accepted = Concurrently.sum(50, t -> {
                Database node = t % 2 == 0 ? db : otherNode;
                NotificationResult r = node.payments().apply(Fixtures.paid("1000050", "OP-50"));
                if (!r.repeated()) {
                    firstArrivals.incrementAndGet();
                }
                return r.outcome() == NotificationOutcome.ACCEPTED ? 1 : 0;
            });
            assertEquals(50, accepted, "every copy is answered as accepted");
            assertEquals(1, firstArrivals.get());
        }
        assertEquals(OrderStatus.PAID, db.orders().findById(order.id()).orElseThrow().status());
        assertEquals(1, count("SELECT COUNT(*) FROM notifications"));
        assertEquals(49, count("SELECT duplicates FROM notifications"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(auditBefore + 1, count("SELECT COUNT(*) FROM audit_log"));
        assertTrue(db.audit().verify().intact());
    }

    @Test
    void concurrentCopiesForAnUnknownCipAreRecordedOnce() throws Exception {
        int rejected = Concurrently.sum(20, t -> {
            NotificationResult r = db.payments().apply(Fixtures.paid("7777777", "OP-X"));
            return r.code().equals(Optional.of(ErrorCode.UNKNOWN_CIP)) ? 1 : 0;
        });
        assertEquals(20, rejected);
        assertEquals(1, count("SELECT COUNT(*) FROM notifications WHERE outcome = 'REJECTED' AND code = 'UNKNOWN_CIP'"));
        assertEquals(19, count("SELECT duplicates FROM notifications"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'notification.rejected'"));
    }

    @Test
    void inconsistentNotificationsAreRecordedAndLeaveTheOrderUntouched() throws Exception {
        Order order = pendingWithCip("T-bad", "1000003");
        assertEquals(Optional.of(ErrorCode.AMOUNT_MISMATCH), db.payments().apply(
                Fixtures.notification(PaymentEvent.PAID, "1000003", "OP-a", "PEN", "15.00")).code());
        assertEquals(Optional.of(ErrorCode.CURRENCY_MISMATCH), db.payments().apply(
                Fixtures.notification(PaymentEvent.PAID, "1000003", "OP-b", "USD", "150.00")).code());
        assertEquals(Optional.of(ErrorCode.UNKNOWN_CIP), db.payments().apply(Fixtures.paid("9999999", "OP-c")).code());

        assertEquals(OrderStatus.PENDING, db.orders().findById(order.id()).orElseThrow().status());
        assertEquals(0, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(3, count("SELECT COUNT(*) FROM notifications WHERE outcome = 'REJECTED'"));
        assertEquals(3, count("SELECT COUNT(*) FROM audit_log WHERE action = 'notification.rejected'"));
    }

    @Test
    void aRejectedNotificationSentAgainWithTheRightAmountIsStillTheRejectedOne() throws Exception {
        Order order = pendingWithCip("T-again", "1000005");
        assertEquals(Optional.of(ErrorCode.AMOUNT_MISMATCH), db.payments().apply(
                Fixtures.notification(PaymentEvent.PAID, "1000005", "OP-r", "PEN", "15.00")).code());

        // Same event type, CIP and operation number: the same notification, whatever its body says now.
        NotificationResult again = db.payments().apply(Fixtures.paid("1000005", "OP-r"));

        assertTrue(again.repeated());
        assertEquals(NotificationOutcome.REJECTED, again.outcome());
        assertEquals(Optional.of(ErrorCode.AMOUNT_MISMATCH), again.code());
        assertEquals(OrderStatus.PENDING, db.orders().findById(order.id()).orElseThrow().status());
        assertEquals(0, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_pending WHERE action = 'order.paid'")
                + count("SELECT COUNT(*) FROM audit_log WHERE action = 'order.paid'"));

        assertEquals(NotificationOutcome.ACCEPTED, db.payments().apply(Fixtures.paid("1000005", "OP-r2")).outcome(),
                "a payment with its own operation number still pays the order");
    }

    @Test
    void anAmountWithAnotherScaleIsTheSameAmount() {
        pendingWithCip("T-scale", "1000004");
        NotificationResult r = db.payments().apply(
                Fixtures.notification(PaymentEvent.PAID, "1000004", "OP-s", "PEN", "150.0"));
        assertEquals(NotificationOutcome.ACCEPTED, r.outcome());
    }

    @Test
    void nothingLeavesAFinalStateAndRepeatsOfAnEffectAreDuplicates() {
        Order order = pendingWithCip("T-final", "1000005");
        db.payments().apply(Fixtures.paid("1000005", "OP-1"));

        NotificationResult expired = db.payments().apply(
                Fixtures.notification(PaymentEvent.EXPIRED, "1000005", "OP-e", "PEN", "150.00"));
        assertEquals(Optional.of(ErrorCode.INVALID_TRANSITION), expired.code());
        NotificationResult paidAgain = db.payments().apply(Fixtures.paid("1000005", "OP-2"));
        assertEquals(Optional.of(ErrorCode.INVALID_TRANSITION), paidAgain.code());
        assertEquals(Optional.of("OP-1"), db.orders().findById(order.id()).orElseThrow().operationNumber());

        Order other = pendingWithCip("T-exp", "1000006");
        db.payments().resolve(other.id(), OrderStatus.EXPIRED, "reconciler", Optional.empty(), "expiry");
        NotificationResult lateExpiry = db.payments().apply(
                Fixtures.notification(PaymentEvent.EXPIRED, "1000006", "OP-e", null, null));
        assertEquals(NotificationOutcome.DUPLICATE, lateExpiry.outcome());
        assertEquals(Optional.empty(), lateExpiry.code());
    }

    @Test
    void aNotificationAfterTheReconcilerFoundThePaymentIsADuplicate() throws Exception {
        Order order = pendingWithCip("T-rec", "1000007");
        Resolution r = db.payments().resolve(order.id(), OrderStatus.PAID, "reconciler", Optional.of("OP-7"), "search");
        assertTrue(r.moved());
        assertEquals(NotificationOutcome.DUPLICATE, db.payments().apply(Fixtures.paid("1000007", "OP-7")).outcome());
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void expiryAndDeletionQueueTheirShopEvents() {
        pendingWithCip("T-e", "1000008");
        pendingWithCip("T-d", "1000009");
        db.payments().apply(Fixtures.notification(PaymentEvent.EXPIRED, "1000008", "OP-8", null, null));
        db.payments().apply(Fixtures.notification(PaymentEvent.DELETED, "1000009", "OP-9", null, null));
        assertEquals(OrderStatus.EXPIRED, db.orders().findByCip("1000008").orElseThrow().status());
        assertEquals(OrderStatus.CANCELLED, db.orders().findByCip("1000009").orElseThrow().status());
        assertEquals(List.of("payment.cancelled", "payment.expired"),
                db.outbox().list(Optional.empty(), 10).stream().map(OutboxEvent::eventType).toList());
    }

    @Test
    void aConnectionKilledMidApplyLeavesNothingAndTheRetrySucceeds() throws Exception {
        Order order = pendingWithCip("T-kill", "1000010");
        long auditBefore = count("SELECT COUNT(*) FROM audit_log");
        if (engine == Engine.POSTGRESQL) {
            killMidApplyOnPostgresql();
        } else {
            killMidApplyOnH2();
        }
        assertEquals(OrderStatus.PENDING, db.orders().findById(order.id()).orElseThrow().status());
        assertEquals(0, count("SELECT COUNT(*) FROM notifications"));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_pending"));
        assertEquals(auditBefore, count("SELECT COUNT(*) FROM audit_log"));

        NotificationResult retried = db.payments().apply(Fixtures.paid("1000010", "OP-k"));
        assertEquals(NotificationOutcome.ACCEPTED, retried.outcome());
        assertFalse(retried.repeated());
        assertEquals(OrderStatus.PAID, db.orders().findById(order.id()).orElseThrow().status());
        assertTrue(db.audit().verify().intact());
    }

    /**
     * An uncommitted copy of the notification's key: apply moves the order, then its insert of the notification
     * waits for the blocker's transaction to decide, and is killed there.
     */
    private void killMidApplyOnPostgresql() throws Exception {
        try (Connection blocker = db.dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement s = blocker.prepareStatement("INSERT INTO notifications (event_type, cip, "
                    + "operation_number, outcome, payload, received_at) VALUES ('cip.paid', '1000010', 'OP-k', "
                    + "'ACCEPTED', '{}', CURRENT_TIMESTAMP)")) {
                s.executeUpdate();
            }
            CompletableFuture<NotificationResult> applying =
                    CompletableFuture.supplyAsync(() -> db.payments().apply(Fixtures.paid("1000010", "OP-k")));
            killBlockedSession();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> applying.get(30, TimeUnit.SECONDS));
            assertInstanceOf(DatabaseUnavailableException.class, failure.getCause());
            blocker.rollback();
        }
    }

    /**
     * H2 does not wait on another transaction's uncommitted key (it fails the insert at once), and an embedded
     * session cannot be aborted from inside a statement; so the outbox insert fails as a dropped connection would,
     * when the order has moved and the notification is written, uncommitted.
     */
    private void killMidApplyOnH2() throws Exception {
        Fixtures.execute(db, "CREATE TRIGGER outbox_connection_loss BEFORE INSERT ON outbox FOR EACH ROW CALL \""
                + ConnectionLossTrigger.class.getName() + "\"");
        try {
            assertThrows(DatabaseUnavailableException.class,
                    () -> db.payments().apply(Fixtures.paid("1000010", "OP-k")));
        } finally {
            Fixtures.execute(db, "DROP TRIGGER outbox_connection_loss");
        }
    }

    /**
     * Waits until some session blocks on a lock, then kills that session's connection (PostgreSQL). (The
     * statement text PostgreSQL shows for a waiting extended-protocol query is not reliable, so any waiter counts:
     * test classes do not run in parallel.) It polls from its own auto-commit connection: inside one transaction
     * PostgreSQL keeps showing the first snapshot of {@code pg_stat_activity}, so a poll that started before the
     * apply blocked would never see it block.
     */
    private void killBlockedSession() throws Exception {
        String find = "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' "
                + "AND datname = current_database()";
        String kill = "SELECT pg_terminate_backend(?)";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection monitor = db.dataSource().getConnection()) {
            monitor.setAutoCommit(true);
            while (System.nanoTime() < deadline) {
                try (PreparedStatement ps = monitor.prepareStatement(find); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        try (PreparedStatement k = monitor.prepareStatement(kill)) {
                            k.setInt(1, rs.getInt(1));
                            k.execute();
                        }
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        fail("the apply never blocked on the uncommitted notification");
    }
}
