package io.resguardo.sql;

import io.resguardo.core.ErrorCode;

import java.util.Objects;

/**
 * A database problem, with a stable {@link ErrorCode}. The message names the SQLState at most: driver messages can
 * quote the values being written (personal data), so they are never carried, not even as the cause.
 */
public abstract class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    DatabaseException(ErrorCode code, String message) {
        super(message, null, false, true);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
