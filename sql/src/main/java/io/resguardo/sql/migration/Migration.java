package io.resguardo.sql.migration;

import java.util.Objects;

/**
 * One migration file: {@code V<version>__<description>.sql}.
 *
 * @param script the file name as listed, for example {@code V1__schema.sql}
 * @param checksum lower-case hex SHA-256 of the file with line endings normalized to LF (a checkout that turned
 *     them into CRLF is not a change)
 */
public record Migration(int version, String description, String script, String sql, String checksum) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
    }

    @Override
    public String toString() {
        return "Migration[" + script + "]";
    }
}
