package io.resguardo.sql.payment;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An H2 trigger whose statement fails as if the connection had dropped (SQLState 08006): the embedded engine's
 * stand-in for a connection killed in the middle of a transaction, at the point the test attaches it to.
 */
public final class ConnectionLossTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("connection lost (test trigger)", "08006");
    }
}
