package io.resguardo.bench;

import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseSettings;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.NotificationResult;
import io.resguardo.sql.payment.PaymentEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Paid notifications applied per second: each operation is one full {@code db.payments().apply(...)} transaction
 * (record the notification, move a fresh PENDING order to PAID, queue the shop event, append to the audit chain),
 * on the embedded H2 default and on PostgreSQL, with 1 and 8 threads. Targets with 8 threads: at least 10,000/s
 * on H2 and 2,000/s on PostgreSQL.
 *
 * <p>Every operation pays a different order. Orders (with their CIPs) are inserted in bulk with plain JDBC before
 * each iteration, three times as many as the busiest iteration so far used and never fewer than
 * {@value #MIN_STOCK}; an operation that finds none left fails the run rather than measuring something else.
 * PostgreSQL is the {@code test} database at 127.0.0.1:5432 (user {@code postgres}, trust authentication), in a
 * schema of the run's own, dropped at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PaymentApplyBench {
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";
    /** Orders stocked before an iteration at least: 30,000/s over a 2-second warmup iteration. */
    static final long MIN_STOCK = 60_000;
    private static final int BATCH = 1_000;
    /** Every order's amount, and every notification's. */
    private static final BigDecimal AMOUNT = new BigDecimal("150.00");

    @State(Scope.Benchmark)
    public static class Ledger {
        @Param({"h2", "postgresql"})
        public String engine;

        Database db;
        private Path h2Home;
        private String schema;
        /** The next order to pay; orders 0 .. {@code stocked - 1} exist. */
        private final AtomicLong next = new AtomicLong();
        private volatile long stocked;
        private long nextAtIterationStart;
        private long mostUsed;

        @Setup(Level.Trial)
        public void open() throws IOException, SQLException {
            Clock clock = Clock.systemUTC();
            if (engine.equals("h2")) {
                h2Home = Files.createTempDirectory("resguardo-bench-h2-");
                db = Database.open(DatabaseSettings.embedded(h2Home), clock);
            } else if (engine.equals("postgresql")) {
                schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                admin("CREATE SCHEMA " + schema);
                db = Database.open(DatabaseSettings.url(POSTGRES_URL + "?currentSchema=" + schema,
                        POSTGRES_USER, null), clock);
            } else {
                throw new IllegalArgumentException("engine " + engine);
            }
        }

        @Setup(Level.Iteration)
        public void stock() throws SQLException {
            long consumed = next.get();
            mostUsed = Math.max(mostUsed, consumed - nextAtIterationStart);
            long wanted = consumed + Math.max(MIN_STOCK, 3 * mostUsed);
            if (wanted > stocked) {
                insertOrders(stocked, wanted);
                stocked = wanted;
            }
            nextAtIterationStart = consumed;
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            db.close();
            if (schema != null) {
                admin("DROP SCHEMA " + schema + " CASCADE");
            }
            if (h2Home != null) {
                try (Stream<Path> paths = Files.walk(h2Home)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        NotificationResult payNext() {
            long n = next.getAndIncrement();
            if (n >= stocked) {
                throw new IllegalStateException("ran out of pre-created orders (" + stocked + " stocked): raise "
                        + "MIN_STOCK or shorten the iterations");
            }
            String payload = "{\"eventType\":\"cip.paid\",\"operationNumber\":\"" + operationNumber(n)
                    + "\",\"data\":{\"cip\":\"" + cip(n) + "\",\"currency\":\"PEN\",\"amount\":150.00}}";
            NotificationResult result = db.payments().apply(new IncomingNotification(PaymentEvent.PAID, cip(n),
                    operationNumber(n), Optional.of("PEN"), Optional.of(AMOUNT), "current", payload));
            if (result.outcome() != NotificationOutcome.ACCEPTED || result.repeated()) {
                throw new IllegalStateException("order " + n + " not paid: " + result.outcome());
            }
            return result;
        }

        private void insertOrders(long from, long to) throws SQLException {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO orders (transaction_code, amount, currency, "
                         + "payment_concept, expires_at, customer_email, customer_phone, customer_country_code, "
                         + "status, cip, created_by, created_at, updated_at, next_check_at) "
                         + "VALUES (?, ?, 'PEN', 'Bench order', ?, 'bench@example.pe', '987654321', '+51', "
                         + "'PENDING', ?, 'shop:bench', ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (long n = from; n < to; n++) {
                    ps.setString(1, "bench-" + n);
                    ps.setBigDecimal(2, AMOUNT);
                    ps.setObject(3, now.plusDays(1));
                    ps.setString(4, cip(n));
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                    ps.setObject(7, now.plusMinutes(15));
                    ps.addBatch();
                    if ((n - from + 1) % BATCH == 0 || n == to - 1) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                if (schema != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE orders");
                    }
                    c.commit();
                }
                c.setAutoCommit(true);
            }
        }

        private static void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    static String cip(long n) {
        return Long.toString(90_000_000_000L + n);
    }

    static String operationNumber(long n) {
        return "op-" + n;
    }

    @Benchmark
    @Threads(1)
    public NotificationResult oneThread(Ledger ledger) {
        return ledger.payNext();
    }

    @Benchmark
    @Threads(8)
    public NotificationResult eightThreads(Ledger ledger) {
        return ledger.payNext();
    }
}
