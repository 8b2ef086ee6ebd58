package io.resguardo.sql;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.sql.order.CreateResult;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TcpProxy;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));

    @Test
    void theEmbeddedDefaultCreatesAnOwnerOnlyDataDirectoryAndKeepsDataAcrossRestarts() throws Exception {
        TestDatabase home = DATABASES.create(Engine.H2);
        Path fresh = home.home().resolve("nested/home");
        try (Database db = Database.open(DatabaseSettings.embedded(fresh), clock)) {
            assertEquals(io.resguardo.sql.Engine.H2, db.engine());
            db.orders().create(Fixtures.order("R-1", clock), "shop:k1");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("db"))));
        try (Database reopened = Database.open(DatabaseSettings.embedded(fresh), clock)) {
            assertTrue(reopened.orders().findByTransactionCode("R-1").isPresent());
            assertTrue(reopened.migrations().applied().isEmpty(), "nothing to migrate the second time");
        }
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings = DatabaseSettings.url(
                "jdbc:postgresql://db.internal:5432/shop?user=app&password=Sup3rS3cretPw;x=1", "app", "An0therS3cret!");
        String shown = settings.toString();
        assertFalse(shown.contains("Sup3rS3cretPw"), shown);
        assertFalse(shown.contains("An0therS3cret!"), shown);
        assertTrue(shown.contains("password=***"), shown);
        assertEquals("jdbc:h2:mem:x;PASSWORD=***", DatabaseSettings.maskUrl("jdbc:h2:mem:x;PASSWORD=abc"));
    }

    @Test
    void anUnreachableDatabaseAtStartUpIsUnavailableNotAStackOfDriverText() {
        DatabaseSettings nowhere = DatabaseSettings.url("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1",
                "postgres", "Pw-that-must-not-show-1").withPool(2, Duration.ofMillis(500));
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> Database.open(nowhere, clock));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertFalse(e.getMessage().contains("Pw-that-must-not-show-1"));
        assertEquals(null, e.getCause(), "driver messages are not carried");
    }

    @Test
    void aMissingJndiDataSourceIsAConfigurationErrorNamingTheSetting() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Database.open(DatabaseSettings.jndi("java:comp/env/jdbc/nothing"), clock));
        assertTrue(e.getMessage().startsWith("RESGUARDO_DATASOURCE"), e.getMessage());
    }

    @Test
    void aClosedDatabaseAnswersUnavailable() {
        Database db = Fixtures.open(DATABASES.create(Engine.H2), clock);
        db.ping();
        db.close();
        assertThrows(DatabaseUnavailableException.class, db::ping);
        assertThrows(DatabaseUnavailableException.class, () -> db.orders().findByTransactionCode("x"));
    }

    @Test
    void aDatabaseOutageMidRunIsUnavailableAndNothingIsLostOnceItIsBack() throws Exception {
        TestDatabase pg = DATABASES.create(Engine.POSTGRESQL);
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            String url = pg.url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
            DatabaseSettings settings = DatabaseSettings.url(url, pg.user(), null).withPool(3, Duration.ofSeconds(1));
            try (Database db = Database.open(settings, clock)) {
                Order order = db.orders().create(Fixtures.order("O-1", clock), "shop:k1").order();
                db.orders().assignCip(order.id(), "5550001", "https://pago.example/5550001", "shop:k1");

                proxy.cut();
                DatabaseUnavailableException down = assertThrows(DatabaseUnavailableException.class,
                        () -> db.payments().apply(Fixtures.paid("5550001", "OP-1")));
                assertEquals(5, down.retryAfterSeconds());
                assertThrows(DatabaseUnavailableException.class, db::ping);
                assertThrows(DatabaseUnavailableException.class,
                        () -> db.orders().create(Fixtures.order("O-2", clock), "shop:k1"));

                proxy.restore();
                assertEquals(NotificationOutcome.ACCEPTED, db.payments().apply(Fixtures.paid("5550001", "OP-1")).outcome());
                assertEquals(OrderStatus.PAID, db.orders().findById(order.id()).orElseThrow().status());
                assertEquals(CreateResult.Outcome.CREATED,
                        db.orders().create(Fixtures.order("O-2", clock), "shop:k1").outcome());
                assertTrue(db.audit().verify().intact());
            }
        }
    }
}
