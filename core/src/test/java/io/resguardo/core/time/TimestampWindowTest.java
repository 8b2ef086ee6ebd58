package io.resguardo.core.time;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:15:30Z");
    private final MutableClock clock = MutableClock.at(NOW);
    private final TimestampWindow window = TimestampWindow.withDefaultTolerance(clock);

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void acceptsTimestampsWithinFiveMinutesEitherWay(long offsetSeconds) throws Exception {
        assertEquals(Duration.ofSeconds(offsetSeconds), window.check(NOW.plusSeconds(offsetSeconds)));
    }

    @Test
    void rejectsAStaleTimestampAndReportsTheSkew() {
        var e = assertThrows(TimestampOutOfRangeException.class, () -> window.check(NOW.minusSeconds(301)));
        assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, e.code());
        assertEquals(Duration.ofSeconds(-301), e.skew());
        assertTrue(e.getMessage().contains("301s behind"), e.getMessage());
    }

    @Test
    void rejectsATimestampFromTheFutureToo() {
        var e = assertThrows(TimestampOutOfRangeException.class, () -> window.check(NOW.plusSeconds(301)));
        assertEquals(Duration.ofSeconds(301), e.skew());
        assertTrue(e.getMessage().contains("ahead"), e.getMessage());
    }

    @Test
    void followsTheInjectedClock() throws Exception {
        Instant stamp = NOW.plusSeconds(600);
        assertThrows(TimestampOutOfRangeException.class, () -> window.check(stamp));
        clock.advance(Duration.ofMinutes(8));
        assertEquals(Duration.ofMinutes(2), window.check(stamp));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0})
    void absurdEpochSecondsAreOutOfRangeNotACrash(long epochSecond) {
        var e = assertThrows(TimestampOutOfRangeException.class, () -> window.checkEpochSecond(epochSecond));
        assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, e.code());
    }

    @Test
    void refusesANonPositiveTolerance() {
        assertThrows(InvalidConfigurationException.class, () -> new TimestampWindow(clock, Duration.ZERO));
        assertThrows(InvalidConfigurationException.class, () -> new TimestampWindow(clock, Duration.ofSeconds(-1)));
    }
}
