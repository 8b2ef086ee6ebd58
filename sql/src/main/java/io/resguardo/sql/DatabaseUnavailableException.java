package io.resguardo.sql;

import io.resguardo.core.ErrorCode;

/**
 * The database cannot do the work now: unreachable, connection lost, pool exhausted, or still contended after
 * retries. Nothing of the failed transaction was kept, so the caller answers {@code 503 SERVICE_UNAVAILABLE} with
 * {@code Retry-After} and the sender's retry is safe.
 */
public final class DatabaseUnavailableException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /** The Retry-After a caller should send, in whole seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException(String message) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message);
    }

    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
