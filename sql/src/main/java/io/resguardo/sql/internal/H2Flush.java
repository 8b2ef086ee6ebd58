package io.resguardo.sql.internal;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The flush of the embedded H2 default: writes what H2 holds in memory to its file, and waits for H2's own writer
 * queues, so that a JVM killed right after survives with it (the operating system keeps written pages; H2 does not
 * {@code fsync} on commit, so a power cut is another matter: see README "Durability").
 *
 * <p>This reaches into H2's engine ({@code MVStore}), which no JDBC call offers: {@code CHECKPOINT} writes too, but
 * returns without waiting when H2's background writer has just taken the changes and is still writing them. It is
 * tied to H2 2.3; {@code CrashSurvivalTest} is what proves it after an upgrade.
 */
public final class H2Flush implements GroupFlush.Flush {
    private final DataSource dataSource;

    public H2Flush(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Borrows a connection only to reach the store: the flush itself is the store's, not the connection's. */
    @Override
    public void flush() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                    .getMvStore();
            store.commit();
            FileStore<?> file = store.getFileStore();
            if (file != null) {
                // Its writer threads take tasks in order: once an empty task has passed, every earlier write is done.
                file.executeFileStoreOperation(() -> { });
            }
        } catch (RuntimeException e) {
            // H2 reports a failed write (disk full, closed store) unchecked; the commit may not be in the file, so
            // the caller must not confirm it: an outage, for the sender to retry.
            throw new SQLException("H2 could not write its file: " + e.getClass().getSimpleName(), "08006");
        }
    }
}
