package io.resguardo.sql;

import io.resguardo.core.ErrorCode;

/**
 * The database refused a statement for a reason that retrying will not cure (a bug, a schema mismatch, a value
 * the schema cannot hold). The transaction was rolled back. Carries the SQLState, never the driver's message.
 */
public final class DatabaseFailureException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DatabaseFailureException(String message) {
        super(ErrorCode.INTERNAL_ERROR, message);
    }
}
