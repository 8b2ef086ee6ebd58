package io.resguardo.web.reconcile;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.DocumentType;
import io.resguardo.core.validation.IdentityDocument;
import io.resguardo.core.validation.ValidOrder;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseSettings;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.PaymentEvent;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Test data and database opening, copied from the sql module's test fixtures. */
final class Fixtures {
    static final Customer CUSTOMER = new Customer("maria.quispe@example.pe", Optional.of("Maria"),
            Optional.of("Quispe"), Optional.of(new IdentityDocument(DocumentType.DNI, "45871236")), "987654321",
            "+51");

    private Fixtures() {
    }

    /** Opens Resguardo's database on a test database: the embedded default for H2, its URL for PostgreSQL. */
    static Database open(TestDatabase db, Clock clock) {
        return Database.open(db.engine() == Engine.H2
                ? DatabaseSettings.embedded(db.home())
                : DatabaseSettings.url(db.url(), db.user(), null), clock);
    }

    /** A valid PEN 150.00 order expiring a day after {@code clock}'s now. */
    static ValidOrder order(String transactionCode, Clock clock) {
        return new ValidOrder(transactionCode, new BigDecimal("150.00"), Currency.PEN, "Zapatillas talla 42",
                OffsetDateTime.ofInstant(clock.instant().plusSeconds(86_400), ZoneOffset.ofHours(-5)), CUSTOMER);
    }

    /** A verified {@code cip.paid} notification for PEN 150.00. */
    static IncomingNotification paid(String cip, String operationNumber) {
        String payload = "{\"eventType\":\"cip.paid\",\"operationNumber\":\"" + operationNumber
                + "\",\"data\":{\"cip\":\"" + cip + "\",\"currency\":\"PEN\",\"amount\":150.00}}";
        return new IncomingNotification(PaymentEvent.PAID, cip, operationNumber, Optional.of("PEN"),
                Optional.of(new BigDecimal("150.00")), "current", payload);
    }

    /** One number from the database, for assertions on raw state. */
    static long count(Database db, String sql, Object... parameters) throws SQLException {
        if (sql.contains("audit_log")) {
            // Audit entries are linked into the chain shortly after their commit: link them before counting.
            db.audit().chainPending();
        }
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
