package io.resguardo.sql.migration;

import io.resguardo.sql.Engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Serializes schema migration between nodes (and pools) that start together.
 *
 * <p>PostgreSQL: a session advisory lock keyed by the current schema, so separate schemas migrate independently,
 * held by the migrating connection. H2 cannot take advisory locks; there a second connection keeps a row of
 * {@code resguardo_schema_lock} locked in an open transaction. H2 gives up a lock wait after its LOCK_TIMEOUT,
 * so the wait is retried up to {@link #H2_WAIT}.
 */
abstract class MigrationLock implements AutoCloseable {
    /** Arbitrary first key of our advisory locks ("RSGD"), so they do not collide with another application's. */
    private static final int ADVISORY_KEY = 0x52534744;
    private static final Duration H2_WAIT = Duration.ofMinutes(2);

    static MigrationLock acquire(Engine engine, Connection migrating, DataSource dataSource) throws SQLException {
        return engine == Engine.POSTGRESQL ? advisory(migrating) : rowLock(migrating, dataSource);
    }

    @Override
    public abstract void close() throws SQLException;

    private static MigrationLock advisory(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, hashtext(current_schema()))")) {
            ps.setInt(1, ADVISORY_KEY);
            ps.execute();
        }
        return new MigrationLock() {
            @Override
            public void close() throws SQLException {
                try (PreparedStatement ps =
                             c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
                    ps.setInt(1, ADVISORY_KEY);
                    ps.execute();
                }
            }
        };
    }

    private static MigrationLock rowLock(Connection migrating, DataSource dataSource) throws SQLException {
        migrating.setAutoCommit(true);
        try (Statement s = migrating.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS resguardo_schema_lock (id INTEGER NOT NULL PRIMARY KEY)");
            s.execute("MERGE INTO resguardo_schema_lock (id) KEY (id) VALUES (1)");
        }
        Connection holder = dataSource.getConnection();
        try {
            holder.setAutoCommit(false);
            long deadline = System.nanoTime() + H2_WAIT.toNanos();
            while (true) {
                try (Statement s = holder.createStatement();
                     ResultSet ignored = s.executeQuery("SELECT id FROM resguardo_schema_lock WHERE id = 1 FOR UPDATE")) {
                    break;
                } catch (SQLException e) {
                    holder.rollback();
                    if (!"HYT00".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
        } catch (SQLException | RuntimeException e) {
            holder.close();
            throw e;
        }
        return new MigrationLock() {
            @Override
            public void close() throws SQLException {
                try {
                    holder.rollback();
                } finally {
                    holder.close();
                }
            }
        };
    }
}
