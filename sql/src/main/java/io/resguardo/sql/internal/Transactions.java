package io.resguardo.sql.internal;

import io.resguardo.sql.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Runs units of work in explicit transactions. A transaction that loses a race the engine would not wait out
 * (serialization failure, deadlock, lock timeout) is rolled back and run again, up to {@value #MAX_ATTEMPTS} times
 * with a short random pause; the work must therefore be free of side effects outside the connection. A commit
 * returns once it is durable (see {@link GroupFlush} for the embedded H2 default). Every failure
 * leaves the transaction rolled back and surfaces as a {@link DatabaseException} without the driver's message.
 */
public final class Transactions {
    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int MAX_ATTEMPTS = 6;

    private final DataSource dataSource;
    private final Optional<GroupFlush> durability;

    /**
     * @param durability when present, every commit waits for it before returning (the embedded H2 default); empty
     *                   when the engine's commit is durable by itself (PostgreSQL)
     */
    public Transactions(DataSource dataSource, Optional<GroupFlush> durability) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.durability = Objects.requireNonNull(durability, "durability");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one read-committed transaction and commits it.
     *
     * @param doing what the work does, for the exception message ("applying a notification")
     */
    public <T> T inTransaction(String doing, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            T result;
            try (Connection c = dataSource.getConnection()) {
                result = runOnce(c, work);
            } catch (SQLException e) {
                if (!SqlErrors.isRetryable(e) || attempt == MAX_ATTEMPTS) {
                    throw SqlErrors.translate(e, doing);
                }
                pauseBefore(attempt);
                continue;
            }
            awaitDurable(doing);
            return result;
        }
    }

    /**
     * Waits, connection already given back, until the commit is in the file. Holding the connection while waiting
     * was measured exhausting the pool: at 500 notifications/s a slow file write kept all ten connections waiting
     * and the next requests queued for a connection (JFR: up to 56 ms). A failure here is an outage, never retried
     * as a lost race: the work is committed and must not run twice.
     */
    private void awaitDurable(String doing) {
        if (durability.isPresent()) {
            try {
                durability.get().awaitDurable();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, doing);
            }
        }
    }

    private static <T> T runOnce(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            T result = work.run(c);
            c.commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly(c);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // The connection is broken or the transaction is already gone: either way nothing was committed, and the
            // pool discards a broken connection.
        }
    }

    /** Full jitter over a ceiling that doubles from 2 ms: spreads retries of transactions that collided. */
    private static void pauseBefore(int attempt) {
        long ceilingMicros = 2_000L << Math.min(attempt, 6);
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(ceilingMicros)));
    }
}
