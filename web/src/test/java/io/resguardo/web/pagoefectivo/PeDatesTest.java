package io.resguardo.web.pagoefectivo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeDatesTest {
    @ParameterizedTest
    @CsvSource({
            "2026-11-26T12:00:00-05:00, 2026-11-26T17:00:00Z",
            "2026-11-26T12:00:00.063-05:00, 2026-11-26T17:00:00.063Z",
            "2026-11-26 12:00:00-05:00, 2026-11-26T17:00:00Z",
            "2026-11-26T12:00:00-0500, 2026-11-26T17:00:00Z",
            "2026-11-26T12:00:00-05, 2026-11-26T17:00:00Z",
            "2026-11-26T17:00:00Z, 2026-11-26T17:00:00Z",
            "2026-11-26T17:00:00z, 2026-11-26T17:00:00Z",
            "2026-11-26T12:00:00, 2026-11-26T17:00:00Z",
            "2026-11-26 12:00, 2026-11-26T17:00:00Z"})
    void tokenExpiresAndPaymentDatesAreReadLeniently(String text, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), PeDates.parse(text).map(d -> d.toInstant()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "26/11/2026 12:00", "2026-11-26", "2026-13-01T00:00:00Z",
            "2026-11-26T12:00:00-05:00 and then some text that is long enough to pass sixty-four chars"})
    void unreadableDatesAreEmpty(String text) {
        assertEquals(Optional.empty(), PeDates.parse(text));
    }
}
