package io.resguardo.sql.migration;

import io.resguardo.core.ErrorCode;

/**
 * The schema cannot be brought to this build's version: an applied migration file changed, the database is newer
 * than the build, or a migration failed. A start-up error: the deployment must not go on.
 */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MigrationException(String message) {
        super(message, null, false, true);
    }

    public ErrorCode code() {
        return ErrorCode.INVALID_CONFIGURATION;
    }
}
