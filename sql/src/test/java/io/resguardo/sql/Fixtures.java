package io.resguardo.sql;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.DocumentType;
import io.resguardo.core.validation.IdentityDocument;
import io.resguardo.core.validation.ValidOrder;
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

/** Test data and database opening shared by the sql tests. */
public final class Fixtures {
    /** A customer with every field set; test personal data that must never reach a log. */
    public static final Customer CUSTOMER = new Customer("maria.quispe@example.pe", Optional.of("Maria"),
            Optional.of("Quispe"), Optional.of(new IdentityDocument(DocumentType.DNI, "45871236")), "987654321",
            "+51");

    private Fixtures() {
    }

    /** Opens Resguardo's database on a test database: the embedded default for H2, its URL for PostgreSQL. */
    public static Database open(TestDatabase db, Clock clock) {
        return Database.open(settings(db), clock);
    }

    public static DatabaseSettings settings(TestDatabase db) {
        return db.engine() == Engine.H2
                ? DatabaseSettings.embedded(db.home())
                : DatabaseSettings.url(db.url(), db.user(), null);
    }

    /** A valid PEN 150.00 order expiring a day after {@code clock}'s now. */
    public static ValidOrder order(String transactionCode, Clock clock) {
        return order(transactionCode, "150.00", Currency.PEN, clock);
    }

    public static ValidOrder order(String transactionCode, String amount, Currency currency, Clock clock) {
        return new ValidOrder(transactionCode, new BigDecimal(amount), currency, "Zapatillas talla 42",
                OffsetDateTime.ofInstant(clock.instant().plusSeconds(86_400), ZoneOffset.ofHours(-5)), CUSTOMER);
    }

    /** A verified {@code cip.paid} notification for PEN 150.00. */
    public static IncomingNotification paid(String cip, String operationNumber) {
        return notification(PaymentEvent.PAID, cip, operationNumber, "PEN", "150.00");
    }

    public static IncomingNotification notification(PaymentEvent event, String cip, String operationNumber,
                                                    String currency, String amount) {
        String payload = "{\"eventType\":\"" + event.eventType() + "\",\"operationNumber\":\"" + operationNumber
                + "\",\"data\":{\"cip\":\"" + cip + "\",\"currency\":\"" + currency + "\",\"amount\":" + amount + "}}";
        return new IncomingNotification(event, cip, operationNumber, Optional.ofNullable(currency),
                Optional.ofNullable(amount).map(BigDecimal::new), "current", payload);
    }

    /**
     * One number from the database, for assertions on raw state. Audit entries are linked into the chain shortly
     * after their transaction commits, so a query on {@code audit_log} links the pending ones first.
     */
    public static long count(Database db, String sql, Object... parameters) throws SQLException {
        if (sql.contains("audit_log")) {
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

    /** Runs one statement directly, outside the stores (tampering, setup). */
    public static int execute(Database db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
