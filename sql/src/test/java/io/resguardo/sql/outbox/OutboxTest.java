package io.resguardo.sql.outbox;

import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.Database;
import io.resguardo.sql.Fixtures;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.payment.NotificationOutcome;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(Engine.class)
class OutboxTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    TestDatabase testDb;
    Database db;

    @BeforeEach
    void open() {
        testDb = DATABASES.create(engine);
        db = Fixtures.open(testDb, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Order pendingOrder(String transactionCode) {
        return db.orders().create(Fixtures.order(transactionCode, clock), "shop:k1").order();
    }

    private Order orderWithCip(String transactionCode, String cip) {
        Order order = pendingOrder(transactionCode);
        return db.orders().assignCip(order.id(), cip, "https://pay.example/" + cip, "test");
    }

    /** An order paid by a PagoEfectivo notification, which queues its {@code payment.succeeded} event. */
    private Order paidOrder(String transactionCode, String cip) {
        orderWithCip(transactionCode, cip);
        assertEquals(NotificationOutcome.ACCEPTED, db.payments().apply(Fixtures.paid(cip, "op-" + cip)).outcome());
        return db.orders().findByTransactionCode(transactionCode).orElseThrow();
    }

    /** Further events of one order, queued in one transaction of their own. */
    private List<String> enqueue(Order order, String... types) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (String type : types) {
                ids.add(db.outbox().enqueue(c, type, order, clock.instant()));
            }
            c.commit();
        }
        return ids;
    }

    private List<OutboxEvent> claim(String owner) {
        return db.outbox().claimDue(owner, LEASE, 10);
    }

    private OutboxEvent claimOne(String owner) {
        List<OutboxEvent> claimed = claim(owner);
        assertEquals(1, claimed.size(), () -> "claimed " + claimed);
        return claimed.get(0);
    }

    private OutboxEvent stored(OutboxEvent event) {
        return db.outbox().find(event.eventId()).orElseThrow();
    }

    @Test
    void aClaimReturnsTheDueEventAsItsFirstAttemptWithThePayloadForTheShop() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        assertEquals("payment.succeeded", e.eventType());
        assertEquals("T-1", e.transactionCode());
        assertEquals(1, e.attempts());
        assertEquals(OutboxStatus.PENDING, e.status());
        assertEquals(clock.instant(), e.createdAt());
        assertTrue(e.eventId().matches("msg_[0-9a-f]{32}"), e.eventId());
        assertTrue(e.payload().startsWith("{\"type\":\"payment.succeeded\",\"timestamp\":\"" + clock.instant()
                + "\",\"data\":{"), e.payload());
        assertTrue(e.payload().contains("\"transactionCode\":\"T-1\""), e.payload());
        assertTrue(e.payload().contains("\"amount\":\"150.00\""), e.payload());
        assertTrue(e.payload().contains("\"currency\":\"PEN\""), e.payload());
        assertTrue(e.payload().contains("\"status\":\"PAID\""), e.payload());
        assertTrue(e.payload().contains("\"cip\":\"1234567\""), e.payload());
        assertTrue(e.payload().contains("\"operationNumber\":\"op-1234567\""), e.payload());
    }

    @Test
    void thePayloadCarriesNoPersonalData() {
        paidOrder("T-1", "1234567");
        String payload = claimOne("node-a").payload();
        for (String personal : List.of(Fixtures.CUSTOMER.email(), "example.pe", Fixtures.CUSTOMER.phone(),
                Fixtures.CUSTOMER.firstName().orElseThrow(), Fixtures.CUSTOMER.lastName().orElseThrow(),
                Fixtures.CUSTOMER.document().orElseThrow().number())) {
            assertFalse(payload.contains(personal), "payload carries customer data");
        }
    }

    @Test
    void aResolvedOrderQueuesItsEventAndAFailedOneQueuesNone() {
        Order expiring = orderWithCip("T-1", "1234567");
        assertTrue(db.payments().resolve(expiring.id(), OrderStatus.EXPIRED, "reconciler", Optional.empty(),
                "expiry").moved());
        Order failing = pendingOrder("T-2");
        assertTrue(db.payments().resolve(failing.id(), OrderStatus.FAILED, "reconciler", Optional.empty(),
                "cip").moved());
        OutboxEvent e = claimOne("node-a");
        assertEquals("payment.expired", e.eventType());
        assertEquals("T-1", e.transactionCode());
        assertTrue(e.payload().contains("\"status\":\"EXPIRED\""), e.payload());
        assertEquals(1, db.outbox().pendingCount());
    }

    @Test
    void aRepeatedNotificationQueuesNoSecondEvent() {
        paidOrder("T-1", "1234567");
        assertTrue(db.payments().apply(Fixtures.paid("1234567", "op-1234567")).repeated());
        assertEquals(1, db.outbox().pendingCount());
    }

    @Test
    void aClaimedEventIsNotClaimableAgainUntilItsLeaseLapses() {
        paidOrder("T-1", "1234567");
        OutboxEvent first = claimOne("node-a");
        assertEquals(List.of(), claim("node-a"));
        assertEquals(List.of(), claim("node-b"));
        clock.advance(LEASE.minusSeconds(1));
        assertEquals(List.of(), claim("node-b"));
        clock.advance(Duration.ofSeconds(2));
        OutboxEvent again = claimOne("node-b");
        assertEquals(first.eventId(), again.eventId());
        assertEquals(first.payload(), again.payload());
        assertEquals(2, again.attempts());
        assertFalse(db.outbox().markDelivered(first.id(), "node-a"), "node-a's lease was taken over");
        assertTrue(db.outbox().markDelivered(again.id(), "node-b"));
    }

    @Test
    void onlyTheLeaseHolderCanMarkAnEventDelivered() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        assertFalse(db.outbox().markDelivered(e.id(), "node-b"));
        assertEquals(OutboxStatus.PENDING, stored(e).status());
        assertTrue(db.outbox().markDelivered(e.id(), "node-a"));
        OutboxEvent delivered = stored(e);
        assertEquals(OutboxStatus.DELIVERED, delivered.status());
        assertEquals(Optional.of(clock.instant()), delivered.deliveredAt());
        assertFalse(db.outbox().markDelivered(e.id(), "node-a"), "already settled");
        assertEquals(0, db.outbox().pendingCount());
        assertEquals(List.of(), claim("node-a"));
    }

    @Test
    void anUnclaimedEventCannotBeSettled() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = db.outbox().list(Optional.empty(), 10).get(0);
        assertFalse(db.outbox().markDelivered(e.id(), "node-a"));
        assertFalse(db.outbox().markFailed(e.id(), "node-a", "timeout", Optional.empty()));
        assertEquals(OutboxStatus.PENDING, stored(e).status());
    }

    @Test
    void anOrdersEventsComeOutOneAtATimeOldestFirst() throws SQLException {
        Order order = paidOrder("T-1", "1234567");
        List<String> later = enqueue(order, "payment.refunded", "payment.note");
        paidOrder("T-2", "7654321");
        List<OutboxEvent> firstRound = claim("node-a");
        assertEquals(List.of("T-1", "T-2"), firstRound.stream().map(OutboxEvent::transactionCode).toList());
        OutboxEvent first = firstRound.get(0);
        assertEquals("payment.succeeded", first.eventType());
        assertEquals(List.of(), claim("node-b"), "the order's next event waits for the first");

        assertTrue(db.outbox().markDelivered(first.id(), "node-a"));
        OutboxEvent second = claimOne("node-b");
        assertEquals(later.get(0), second.eventId());
        assertEquals(List.of(), claim("node-a"));

        assertTrue(db.outbox().markFailed(second.id(), "node-b", "HTTP 500", Optional.empty()));
        OutboxEvent third = claimOne("node-a");
        assertEquals(later.get(1), third.eventId());
    }

    @Test
    void aFailedAttemptWithANextTimeBecomesDueThen() throws SQLException {
        Order order = paidOrder("T-1", "1234567");
        enqueue(order, "payment.note");
        OutboxEvent e = claimOne("node-a");
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(2));
        assertTrue(db.outbox().markFailed(e.id(), "node-a", "HTTP 503", Optional.of(retryAt)));
        OutboxEvent waiting = stored(e);
        assertEquals(OutboxStatus.PENDING, waiting.status());
        assertEquals(retryAt, waiting.nextAttemptAt());
        assertEquals(Optional.of("HTTP 503"), waiting.lastError());

        assertEquals(List.of(), claim("node-a"), "not due yet, and the order's next event waits behind it");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), claim("node-a"));
        clock.advance(Duration.ofMinutes(1));
        OutboxEvent retried = claimOne("node-b");
        assertEquals(e.eventId(), retried.eventId());
        assertEquals(2, retried.attempts());
        assertEquals(2, db.outbox().pendingCount());
        assertEquals(0, db.outbox().deadCount());
    }

    @Test
    void aFailureWithoutANextTimeIsDeadAndNoLongerHoldsBackTheOrder() throws SQLException {
        Order order = paidOrder("T-1", "1234567");
        String next = enqueue(order, "payment.note").get(0);
        OutboxEvent e = claimOne("node-a");
        assertTrue(db.outbox().markFailed(e.id(), "node-a", "HTTP 410", Optional.empty()));
        OutboxEvent dead = stored(e);
        assertEquals(OutboxStatus.DEAD, dead.status());
        assertEquals(Optional.of("HTTP 410"), dead.lastError());
        assertEquals(1, db.outbox().deadCount());
        assertEquals(1, db.outbox().pendingCount());
        assertEquals(List.of(e.eventId()),
                db.outbox().list(Optional.of(OutboxStatus.DEAD), 10).stream().map(OutboxEvent::eventId).toList());

        OutboxEvent second = claimOne("node-a");
        assertEquals(next, second.eventId());
        assertTrue(db.outbox().markDelivered(second.id(), "node-a"));
        clock.advance(Duration.ofDays(1));
        assertTrue(claim("node-b").isEmpty(), "a dead event is never claimed again by itself");
    }

    @Test
    void onlyTheLeaseHolderCanRecordAFailure() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        assertFalse(db.outbox().markFailed(e.id(), "node-b", "HTTP 500", Optional.empty()));
        OutboxEvent unchanged = stored(e);
        assertEquals(OutboxStatus.PENDING, unchanged.status());
        assertEquals(Optional.empty(), unchanged.lastError());
    }

    @Test
    void redeliverMakesADeadEventDueAgainUnderTheSameId() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        db.outbox().markFailed(e.id(), "node-a", "HTTP 500", Optional.empty());
        clock.advance(Duration.ofHours(3));
        assertTrue(db.outbox().redeliver(e.eventId()));
        OutboxEvent due = stored(e);
        assertEquals(OutboxStatus.PENDING, due.status());
        assertEquals(clock.instant(), due.nextAttemptAt());
        assertEquals(0, db.outbox().deadCount());
        OutboxEvent again = claimOne("node-b");
        assertEquals(e.eventId(), again.eventId());
        assertEquals(e.payload(), again.payload());
    }

    @Test
    void redeliverMakesADeliveredEventDueAgainUnderTheSameId() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        db.outbox().markDelivered(e.id(), "node-a");
        assertTrue(db.outbox().redeliver(e.eventId()));
        OutboxEvent due = stored(e);
        assertEquals(OutboxStatus.PENDING, due.status());
        assertEquals(Optional.empty(), due.deliveredAt());
        assertEquals(1, db.outbox().pendingCount());
        OutboxEvent again = claimOne("node-a");
        assertEquals(e.eventId(), again.eventId());
        assertTrue(db.outbox().markDelivered(again.id(), "node-a"));
    }

    @Test
    void redeliverOfAnUnknownEventChangesNothing() {
        assertFalse(db.outbox().redeliver("msg_00000000000000000000000000000000"));
        assertEquals(Optional.empty(), db.outbox().find("msg_00000000000000000000000000000000"));
    }

    @Test
    void countsFollowPendingAndDeadEvents() {
        assertEquals(0, db.outbox().pendingCount());
        assertEquals(0, db.outbox().deadCount());
        paidOrder("T-1", "1111111");
        paidOrder("T-2", "2222222");
        paidOrder("T-3", "3333333");
        assertEquals(3, db.outbox().pendingCount());
        List<OutboxEvent> claimed = claim("node-a");
        assertEquals(3, claimed.size());
        assertEquals(3, db.outbox().pendingCount(), "a leased event is still pending");
        db.outbox().markDelivered(claimed.get(0).id(), "node-a");
        db.outbox().markFailed(claimed.get(1).id(), "node-a", "HTTP 500", Optional.empty());
        assertEquals(1, db.outbox().pendingCount());
        assertEquals(1, db.outbox().deadCount());
        assertEquals(List.of("T-3", "T-2", "T-1"),
                db.outbox().list(Optional.empty(), 10).stream().map(OutboxEvent::transactionCode).toList());
    }

    @Test
    void theErrorIsStoredRedactedOnOneLine() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        String error = "HTTP 422: unknown customer " + Fixtures.CUSTOMER.email() + "\nforged: line";
        db.outbox().markFailed(e.id(), "node-a", error, Optional.of(clock.instant().plusSeconds(30)));
        String stored = stored(e).lastError().orElseThrow();
        assertFalse(stored.contains(Fixtures.CUSTOMER.email()), "the e-mail was stored as is");
        assertTrue(stored.contains("m***@example.pe"), stored);
        assertFalse(stored.contains("\n"));
        assertTrue(stored.startsWith("HTTP 422"), stored);
    }

    @Test
    void aLongErrorIsCutToFitItsColumn() {
        paidOrder("T-1", "1234567");
        OutboxEvent e = claimOne("node-a");
        assertTrue(db.outbox().markFailed(e.id(), "node-a", "x".repeat(5000), Optional.empty()));
        String stored = stored(e).lastError().orElseThrow();
        assertTrue(stored.length() <= 500, () -> "stored " + stored.length() + " characters");
        assertTrue(stored.endsWith(Redactor.TRUNCATED), stored);
    }

    @Test
    void twoNodesClaimingConcurrentlyNeverShareAnEventAndTogetherDeliverAll() throws Exception {
        int orders = 100;
        List<List<String>> eventsByOrder = new ArrayList<>();
        List<Order> created = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            created.add(pendingOrder("T-" + i));
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (Order order : created) {
                eventsByOrder.add(List.of(db.outbox().enqueue(c, "payment.succeeded", order, clock.instant()),
                        db.outbox().enqueue(c, "payment.note", order, clock.instant())));
            }
            c.commit();
        }
        int total = 2 * orders;
        int threadsPerNode = 4;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Set<String> claimedIds = ConcurrentHashMap.newKeySet();
        Map<String, Long> claimedAt = new ConcurrentHashMap<>();
        Map<String, Long> deliveryStartedAt = new ConcurrentHashMap<>();
        AtomicLong ticket = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        try (Database otherNode = Fixtures.open(testDb, clock)) {
            CyclicBarrier start = new CyclicBarrier(2 * threadsPerNode);
            int deliveredByThreads = Concurrently.sum(2 * threadsPerNode, t -> {
                Database node = t % 2 == 0 ? db : otherNode;
                String owner = "node-" + (t % 2) + "-thread-" + t;
                int mine = 0;
                start.await(30, TimeUnit.SECONDS);
                while (delivered.get() < total) {
                    assertTrue(System.nanoTime() < deadline, "delivery did not finish in time");
                    List<OutboxEvent> batch = node.outbox().claimDue(owner, Duration.ofMinutes(5), 5);
                    long claimTicket = ticket.incrementAndGet();
                    for (OutboxEvent e : batch) {
                        assertTrue(claimedIds.add(e.eventId()), "claimed twice: " + e.eventId());
                        claimedAt.put(e.eventId(), claimTicket);
                        deliveryStartedAt.put(e.eventId(), ticket.incrementAndGet());
                        assertTrue(node.outbox().markDelivered(e.id(), owner));
                        delivered.incrementAndGet();
                        mine++;
                    }
                }
                return mine;
            });
            assertEquals(total, deliveredByThreads);
        }
        Set<String> all = new HashSet<>();
        eventsByOrder.forEach(all::addAll);
        assertEquals(all, claimedIds);
        for (List<String> events : eventsByOrder) {
            assertTrue(deliveryStartedAt.get(events.get(0)) < claimedAt.get(events.get(1)),
                    "an order's second event was claimed before its first was delivered");
        }
        assertEquals(0, db.outbox().pendingCount());
        List<OutboxEvent> settled = db.outbox().list(Optional.of(OutboxStatus.DELIVERED), 1000);
        assertEquals(total, settled.size());
        assertTrue(settled.stream().allMatch(e -> e.attempts() == 1), "an event was claimed more than once");
    }
}
