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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ParameterizedClass
@EnumSource(Engine.class)
class OrderStoreTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    Database db;

    @BeforeEach
    void open() {
        db = Fixtures.open(DATABASES.create(engine), clock);
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
        assertEquals(OrderStatus.PENDING, stored.status());
        assertEquals(wanted.amount(), stored.amount());
        assertEquals(wanted.customer(), stored.customer());
        assertEquals(wanted.expiresAt().toInstant(), stored.expiresAt());
        assertEquals(clock.instant(), stored.createdAt());
    }
}
