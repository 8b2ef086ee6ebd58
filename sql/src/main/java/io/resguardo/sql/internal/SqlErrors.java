package io.resguardo.sql.internal;

import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseFailureException;
import io.resguardo.sql.DatabaseUnavailableException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.util.Set;

/**
 * Sorts {@link SQLException}s into what the caller can act on. SQLStates are the standard ones both engines use,
 * plus the few vendor states named below; driver messages are never looked at (they differ by locale and version).
 */
public final class SqlErrors {
    /** Unique constraint violated (both engines). */
    static final String UNIQUE_VIOLATION = "23505";

    /** Try the transaction again: it lost a race the engine would not wait out. */
    private static final Set<String> RETRYABLE = Set.of(
            "40001", // serialization failure; H2 also reports deadlocks with it
            "40P01", // PostgreSQL deadlock detected
            "90131", // H2 concurrent update of a row
            "HYT00", // H2 lock wait timeout
            "55P03"); // PostgreSQL lock not available

    /** The database is gone or refusing work: the caller answers 503. */
    private static final Set<String> OUTAGE = Set.of(
            "57P01", "57P02", "57P03", // PostgreSQL admin shutdown, crash shutdown, cannot connect now
            "53300", // PostgreSQL too many connections
            "53100", // PostgreSQL disk full
            "57014", // statement cancelled (both)
            "90067", // H2 connection broken
            "90098", // H2 database closed
            "90121", // H2 database closed at JVM shutdown
            "90020"); // H2 database file in use by another process

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isRetryable(SQLException e) {
        // Set.of(...).contains(null) throws: a closed pool's SQLException has no SQLState.
        String state = e.getSQLState();
        return state != null && RETRYABLE.contains(state);
    }

    static boolean isOutage(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException) {
            return true;
        }
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || OUTAGE.contains(state);
    }

    /** The exception a caller sees: SQLState only, never the driver's message or the exception as cause. */
    public static DatabaseException translate(SQLException e, String doing) {
        String state = e.getSQLState() == null ? "none" : e.getSQLState();
        if (isOutage(e) || isRetryable(e)) {
            return new DatabaseUnavailableException("database unavailable while " + doing + " (SQLState " + state + ")");
        }
        return new DatabaseFailureException("database refused " + doing + " (SQLState " + state + ")");
    }
}
