package io.resguardo.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One row to insert: its {@code INSERT} text (constant, with {@code ?} parameters) and what binds its values. Lets a
 * caller run it alone, or send several in one statement where the engine allows it (PostgreSQL's data-modifying
 * {@code WITH}), which saves round trips in a payment's transaction.
 *
 * @param sql    {@code INSERT INTO table (columns) VALUES (...)}, no trailing clause
 * @param binder binds the parameters starting at a given index
 */
public record RowInsert(String sql, Binder binder) {
    /** Binds this row's parameters from {@code first} on; returns the next free index. */
    @FunctionalInterface
    public interface Binder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    public RowInsert {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(binder, "binder");
    }

    /** Runs this insert alone in the caller's transaction. */
    public void execute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps, 1);
            ps.executeUpdate();
        }
    }
}
