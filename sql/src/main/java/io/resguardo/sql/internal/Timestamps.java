package io.resguardo.sql.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, in UTC and at microsecond precision, the finest
 * both engines keep: what is written reads back equal, which the audit chain's hashes rely on.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setObject(index, null);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
        }
    }

    public static Instant get(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
