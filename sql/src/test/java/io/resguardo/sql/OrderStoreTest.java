package io.resguardo.sql;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.ValidOrder;
import io.resguardo.sql.order.CreateResult;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(Engine.class)
class OrderStoreTest {
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

    @Test
    void aNewOrderIsStoredPendingWithEveryFieldAsGiven() {
        ValidOrder wanted = Fixtures.order("T-1", clock);
        CreateResult result = db.orders().create(wanted, "shop:k1");
        assertEquals(CreateResult.Outcome.CREATED, result.outcome());
        Order stored = db.orders().findByTransactionCode("T-1").orElseThrow();
        assertEquals(result.order(), stored);
        assertEquals(OrderStatus.PENDING, stored.status());
        assertEquals(wanted.amount(), stored.amount());
        assertEquals(wanted.currency(), stored.currency());
        assertEquals(wanted.paymentConcept(), stored.paymentConcept());
        assertEquals(wanted.customer(), stored.customer());
        assertEquals(wanted.expiresAt().toInstant(), stored.expiresAt());
        assertEquals(clock.instant(), stored.createdAt());
        assertEquals(Optional.empty(), stored.cip());
    }

    @Test
    void anOrderWithoutNamesOrDocumentReadsBackTheSame() {
        Customer minimal = new Customer("a@example.pe", Optional.empty(), Optional.empty(), Optional.empty(),
                "987654", "+51");
        ValidOrder wanted = new ValidOrder("T-min", new java.math.BigDecimal("0.01"), Currency.USD, "x",
                Fixtures.order("x", clock).expiresAt(), minimal);
        db.orders().create(wanted, "shop:k1");
        assertEquals(minimal, db.orders().findByTransactionCode("T-min").orElseThrow().customer());
    }

    @Test
    void theSameOrderAgainReturnsTheStoredOneAndStoresNothingNew() throws Exception {
        Order first = db.orders().create(Fixtures.order("T-2", clock), "shop:k1").order();
        clock.advance(Duration.ofMinutes(1));
        CreateResult again = db.orders().create(Fixtures.order("T-2", clock), "shop:k1");
        assertEquals(CreateResult.Outcome.EXISTING, again.outcome());
        assertEquals(first, again.order());
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM orders"));
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'order.created'"));
    }

    @Test
    void theSameTransactionCodeWithAnotherAmountCurrencyOrCustomerIsAConflict() {
        Order first = db.orders().create(Fixtures.order("T-3", clock), "shop:k1").order();
        CreateResult otherAmount = db.orders().create(Fixtures.order("T-3", "150.01", Currency.PEN, clock), "s");
        CreateResult otherCurrency = db.orders().create(Fixtures.order("T-3", "150.00", Currency.USD, clock), "s");
        ValidOrder base = Fixtures.order("T-3", clock);
        Customer otherPhone = new Customer(base.customer().email(), base.customer().firstName(),
                base.customer().lastName(), base.customer().document(), "912345678", "+51");
        CreateResult otherCustomer = db.orders().create(new ValidOrder("T-3", base.amount(), base.currency(),
                base.paymentConcept(), base.expiresAt(), otherPhone), "s");
        for (CreateResult r : List.of(otherAmount, otherCurrency, otherCustomer)) {
            assertEquals(CreateResult.Outcome.CONFLICT, r.outcome());
            assertEquals(first, r.order());
        }
    }

    @Test
    void concurrentCreatorsOfOneTransactionCodeMakeOneOrder() throws Exception {
        AtomicInteger created = new AtomicInteger();
        int results = Concurrently.sum(16, t -> {
            CreateResult r = db.orders().create(Fixtures.order("T-race", clock), "shop:k" + t);
            if (r.outcome() == CreateResult.Outcome.CREATED) {
                created.incrementAndGet();
            }
            return r.outcome() == CreateResult.Outcome.CONFLICT ? 0 : 1;
        });
        assertEquals(16, results);
        assertEquals(1, created.get());
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM orders"));
    }

    @Test
    void listingShowsNewestFirstAndFiltersByStatus() {
        for (int i = 1; i <= 3; i++) {
            db.orders().create(Fixtures.order("L-" + i, clock), "shop:k1");
            clock.advance(Duration.ofSeconds(1));
        }
        long id = db.orders().findByTransactionCode("L-2").orElseThrow().id();
        db.payments().resolve(id, OrderStatus.FAILED, "test", Optional.empty(), "test");
        assertEquals(List.of("L-3", "L-2", "L-1"),
                db.orders().list(Optional.empty(), 10).stream().map(Order::transactionCode).toList());
        assertEquals(List.of("L-3", "L-1"),
                db.orders().list(Optional.of(OrderStatus.PENDING), 10).stream().map(Order::transactionCode).toList());
        assertEquals(List.of("L-3"),
                db.orders().list(Optional.empty(), 1).stream().map(Order::transactionCode).toList());
        assertEquals(2L, db.orders().countByStatus().get(OrderStatus.PENDING));
        assertEquals(1L, db.orders().countByStatus().get(OrderStatus.FAILED));
        assertEquals(0L, db.orders().countByStatus().get(OrderStatus.PAID));
    }

    @Test
    void aCipIsAssignedOnceAndFindsTheOrder() {
        Order order = db.orders().create(Fixtures.order("T-cip", clock), "shop:k1").order();
        assertEquals(1, db.orders().recordCipAttempt(order.id()));
        Order withCip = db.orders().assignCip(order.id(), "2345001", "https://pago.example/2345001", "shop:k1");
        assertEquals(Optional.of("2345001"), withCip.cip());
        assertEquals(1, withCip.cipAttempts());
        Order unchanged = db.orders().assignCip(order.id(), "9999999", "https://pago.example/9", "shop:k1");
        assertEquals(Optional.of("2345001"), unchanged.cip());
        assertEquals(order.id(), db.orders().findByCip("2345001").orElseThrow().id());
        assertTrue(db.orders().findByCip("9999999").isEmpty());
    }

    @Test
    void onlyPendingOrdersMoveAndNothingLeavesAFinalState() {
        Order order = db.orders().create(Fixtures.order("T-move", clock), "shop:k1").order();
        assertTrue(db.payments().resolve(order.id(), OrderStatus.EXPIRED, "reconciler", Optional.empty(), "expiry")
                .moved());
        for (OrderStatus target : List.of(OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.FAILED)) {
            assertFalse(db.payments().resolve(order.id(), target, "reconciler", Optional.of("1"), "search").moved());
        }
        assertEquals(OrderStatus.EXPIRED, db.orders().findById(order.id()).orElseThrow().status());
    }

    @Test
    void ordersBecomeDueAtTheirFirstCheckOrTheirExpiry() {
        db.orders().create(Fixtures.order("D-1", clock), "shop:k1");
        assertTrue(db.orders().claimDue("node-a", Duration.ofMinutes(1), 10).isEmpty());
        clock.advance(Duration.ofMinutes(15));
        List<Order> due = db.orders().claimDue("node-a", Duration.ofMinutes(1), 10);
        assertEquals(List.of("D-1"), due.stream().map(Order::transactionCode).toList());
        assertTrue(db.orders().claimDue("node-b", Duration.ofMinutes(1), 10).isEmpty(), "leased to node-a");
        assertTrue(db.orders().release(due.get(0).id(), "node-a", clock.instant().plus(Duration.ofHours(1))));
        assertTrue(db.orders().claimDue("node-b", Duration.ofMinutes(1), 10).isEmpty(), "next check in an hour");
        clock.advance(Duration.ofHours(1));
        assertEquals(1, db.orders().claimDue("node-b", Duration.ofMinutes(1), 10).size());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, db.orders().claimDue("node-a", Duration.ofMinutes(1), 10).size(), "lease lapsed");
        assertFalse(db.orders().release(due.get(0).id(), "node-b", clock.instant()), "node-b lost its lease");
    }

    @Test
    void twoNodesClaimingDueOrdersNeverWorkTheSameOrder() throws Exception {
        int orders = 120;
        for (int i = 0; i < orders; i++) {
            db.orders().create(Fixtures.order("N-" + i, clock), "shop:k1");
        }
        clock.advance(Duration.ofMinutes(16));
        try (Database otherNode = Fixtures.open(testDatabase, clock)) {
            List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
            int total = Concurrently.sum(8, t -> {
                Database node = t % 2 == 0 ? db : otherNode;
                int mine = 0;
                while (true) {
                    List<Order> batch = node.orders().claimDue("node-" + t, Duration.ofMinutes(5), 7);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    batch.forEach(o -> claimed.add(o.id()));
                    mine += batch.size();
                }
            });
            assertEquals(orders, total);
            Set<Long> distinct = new HashSet<>(claimed);
            assertEquals(orders, distinct.size(), "an order was claimed twice");
        }
    }
}
