package io.resguardo.web.pagoefectivo;

import io.resguardo.core.pagoefectivo.PagoEfectivoAuth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/** PagoEfectivo's date-times: what we send ({@code dateExpiry}) and lenient reading of what it sends. */
final class PeDates {
    /** {@code dateExpiry} as we send it: Lima time, {@code yyyy-MM-dd HH:mm:ssXXX}. */
    static final DateTimeFormatter DATE_EXPIRY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXXX", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    // 'T' or a space between date and time, optional fraction, offsets "-05:00", "-0500", "-05", "Z" or none (Lima).
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final int MAX_LENGTH = 64;

    private PeDates() {
    }

    static String dateExpiry(Instant instant) {
        return DATE_EXPIRY.format(instant.atZone(PagoEfectivoAuth.LIMA));
    }

    static String dateExpiry(OffsetDateTime dateTime) {
        return dateExpiry(dateTime.toInstant());
    }

    /** A date-time with or without offset (Lima time assumed without), or empty when unreadable. */
    static Optional<OffsetDateTime> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = LENIENT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset);
            }
            return Optional.of(((LocalDateTime) parsed).atZone(PagoEfectivoAuth.LIMA).toOffsetDateTime());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
