package io.resguardo.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.sql.audit.AuditLog;
import io.resguardo.sql.internal.GroupFlush;
import io.resguardo.sql.internal.H2Flush;
import io.resguardo.sql.internal.SqlErrors;
import io.resguardo.sql.internal.Transactions;
import io.resguardo.sql.migration.MigrationReport;
import io.resguardo.sql.migration.SchemaMigrator;
import io.resguardo.sql.nonce.SqlNonceRegistry;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.sql.outbox.Outbox;
import io.resguardo.sql.payment.PaymentLedger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Resguardo's database: opened once at start-up, closed on shutdown. {@link #open} makes the pool (or looks up the
 * container's DataSource), applies the schema migrations, and hands out the stores, which share this one pool.
 *
 * <p>One daemon thread ({@code resguardo-audit-chainer}) links committed audit entries into the hash chain every
 * {@value #CHAIN_PERIOD_MILLIS} ms ({@link AuditLog#chainPending()}); a failed pass leaves them pending for the next.
 *
 * <p>Thread-safe. Closing stops that thread, links what is pending, and closes the pool only when it is ours; a
 * container DataSource stays the container's.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final MigrationReport migrations;
    private final Transactions transactions;
    private final AuditLog audit;
    private final OrderStore orders;
    private final PaymentLedger payments;
    private final Outbox outbox;
    private final SqlNonceRegistry nonces;
    private final ScheduledExecutorService chainer;

    static final long CHAIN_PERIOD_MILLIS = 200;

    private Database(DataSource dataSource, HikariDataSource ownPool, MigrationReport migrations,
                     Optional<GroupFlush> durability, Clock clock) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.migrations = migrations;
        this.transactions = new Transactions(dataSource, durability);
        this.audit = new AuditLog(transactions, clock);
        this.outbox = new Outbox(transactions, clock);
        this.orders = new OrderStore(transactions, clock, audit);
        this.payments = new PaymentLedger(transactions, migrations.engine(), clock, audit, outbox);
        this.nonces = new SqlNonceRegistry(transactions, clock);
        this.chainer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "resguardo-audit-chainer");
            thread.setDaemon(true);
            return thread;
        });
        chainer.scheduleWithFixedDelay(this::chainQuietly, CHAIN_PERIOD_MILLIS, CHAIN_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void chainQuietly() {
        try {
            audit.chainPending();
        } catch (DatabaseUnavailableException e) {
            // The entries stay pending; the next pass links them once the database answers.
        } catch (RuntimeException e) {
            // Anything escaping would cancel every later pass.
            System.getLogger("io.resguardo.sql").log(System.Logger.Level.WARNING,
                    "audit entries not linked into the chain this pass: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @throws InvalidConfigurationException when the settings name no usable database (bad JNDI name, unsupported
     *     engine, unwritable home)
     * @throws io.resguardo.sql.migration.MigrationException when the schema cannot be migrated (a changed file)
     * @throws DatabaseUnavailableException when the database does not answer
     */
    public static Database open(DatabaseSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        HikariDataSource pool = null;
        DataSource dataSource;
        if (settings.kind() == DatabaseSettings.Kind.JNDI) {
            dataSource = lookup(settings.jndiName().orElseThrow());
        } else {
            settings.home().ifPresent(Database::createDataDirectory);
            pool = pool(settings);
            dataSource = pool;
        }
        // The embedded default is H2 with its write delay: our commits wait for a group flush instead (see
        // DatabaseSettings.embeddedUrl). Any other database's commit is durable by itself, or as its URL says.
        Optional<GroupFlush> durability = settings.kind() == DatabaseSettings.Kind.EMBEDDED
                ? Optional.of(new GroupFlush(new H2Flush(dataSource))) : Optional.empty();
        try {
            MigrationReport report = SchemaMigrator.standard(clock).migrate(dataSource);
            if (durability.isPresent()) {
                durability.get().awaitDurable();
            }
            return new Database(dataSource, pool, report, durability, clock);
        } catch (SQLException e) {
            closeQuietly(pool);
            throw SqlErrors.translate(e, "migrating the schema");
        } catch (RuntimeException e) {
            closeQuietly(pool);
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("resguardo");
        config.setJdbcUrl(settings.jdbcUrl().orElseThrow());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(p -> config.setPassword(new String(p.revealBytes(), StandardCharsets.UTF_8)));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis() - 1));
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        driverFor(settings.jdbcUrl().orElseThrow()).ifPresent(config::setDriverClassName);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // HikariCP's message may quote the driver's, which may quote the URL: keep only the kind of failure.
            throw new DatabaseUnavailableException("cannot connect to " + DatabaseSettings.maskUrl(
                    settings.jdbcUrl().orElseThrow()) + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The driver class of the engines we know, named so that HikariCP loads it from our own class loader instead of
     * asking {@code DriverManager}: in a container, DriverManager may hold a driver registered by an earlier
     * deployment's class loader, which this deployment is not allowed to use ("no suitable driver").
     */
    static Optional<String> driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of("org.h2.Driver");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of("org.postgresql.Driver");
        }
        return Optional.empty();
    }

    private static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource ds) {
                return ds;
            }
            throw new InvalidConfigurationException("RESGUARDO_DATASOURCE: " + name + " is not a DataSource");
        } catch (NamingException e) {
            throw new InvalidConfigurationException("RESGUARDO_DATASOURCE: no DataSource bound at " + name);
        }
    }

    /** The data directory holds personal data: owner-only permissions where the file system has them. */
    private static void createDataDirectory(Path home) {
        Path db = home.resolve("db");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(db,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(db);
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException("RESGUARDO_HOME: cannot create " + db, new UncheckedIOException(e));
        }
    }

    /** The pool (or the container's DataSource); for health checks and tools. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The engine and schema version found at start-up, and what was migrated. */
    public MigrationReport migrations() {
        return migrations;
    }

    public Engine engine() {
        return migrations.engine();
    }

    /**
     * Checks that the database answers now.
     *
     * @throws DatabaseUnavailableException when it does not
     */
    public void ping() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new DatabaseUnavailableException("database connection not valid");
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "checking the database");
        }
    }

    public OrderStore orders() {
        return orders;
    }

    /** Applies notifications and other payment state changes: one transaction each. */
    public PaymentLedger payments() {
        return payments;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Shop API nonces, shared by every node: plug into the core signature verifier. */
    public SqlNonceRegistry nonces() {
        return nonces;
    }

    /** Closes our pool (no-op for a container DataSource). */
    @Override
    public void close() {
        chainer.shutdown();
        try {
            if (chainer.awaitTermination(5, TimeUnit.SECONDS)) {
                chainQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(ownPool);
    }

    private static void closeQuietly(HikariDataSource pool) {
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + migrations.engine() + ", schema version " + migrations.schemaVersion() + "]";
    }
}
