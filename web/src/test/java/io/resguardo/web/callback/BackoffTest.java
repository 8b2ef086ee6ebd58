package io.resguardo.web.callback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T15:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, 5", "2, 10", "3, 20", "10, 2560", "11, 3600", "12, 3600", "1000, 3600", "2147483647, 3600"})
    void ceilingStartsAtFiveSecondsAndDoublesUpToOneHour(int attempts, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Backoff.ceiling(attempts));
    }

    @Test
    void fullJitterScalesTheCeilingByTheJitterValue() {
        Instant now = CREATED.plusSeconds(60);
        assertEquals(Optional.of(now.plusSeconds(10)), new Backoff(() -> 0.5).next(CREATED, 3, now));
        assertEquals(Optional.of(now), new Backoff(() -> 0.0).next(CREATED, 3, now));
        assertEquals(Optional.of(now.plusSeconds(20)), new Backoff(() -> 1.0).next(CREATED, 3, now));
    }

    @Test
    void aFaultyJitterSourceIsKeptWithinTheCeiling() {
        Instant now = CREATED.plusSeconds(60);
        assertEquals(Optional.of(now.plusSeconds(5)), new Backoff(() -> Double.NaN).next(CREATED, 1, now));
        assertEquals(Optional.of(now.plusSeconds(5)), new Backoff(() -> 7.0).next(CREATED, 1, now));
        assertEquals(Optional.of(now), new Backoff(() -> -3.0).next(CREATED, 1, now));
    }

    @Test
    void givesUpOnceTwentyFourHoursHavePassedSinceCreation() {
        Backoff backoff = new Backoff(() -> 1.0);
        Instant justBefore = CREATED.plus(Duration.ofHours(24)).minusMillis(1);
        assertEquals(Optional.of(justBefore.plus(Duration.ofHours(1))), backoff.next(CREATED, 40, justBefore));
        assertEquals(Optional.empty(), backoff.next(CREATED, 41, CREATED.plus(Duration.ofHours(24))));
    }
}
