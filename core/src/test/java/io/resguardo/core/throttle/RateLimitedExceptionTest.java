package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimitedExceptionTest {

    @ParameterizedTest
    @CsvSource({
            "1, 1",
            "200000000, 1",
            "999999999, 1",
            "1000000000, 1",
            "1000000001, 2",
            "1010000000, 2",
            "900000000000, 900",
            "0, 1",
            "-5, 1",
    })
    void roundsTheWaitUpToWholeSecondsAtLeastOne(long nanos, long seconds) {
        assertEquals(seconds, RateLimitedException.retryAfterSeconds(nanos));
    }

    @Test
    void carriesItsCodeAndWaitButNoKey() {
        RateLimitedException e = new RateLimitedException(ErrorCode.CLIENT_BLOCKED, 7);
        assertEquals(ErrorCode.CLIENT_BLOCKED, e.code());
        assertEquals(7, e.retryAfterSeconds());
        assertFalse(e.getMessage().contains("null"));
    }

    @Test
    void refusesOtherCodesAndWaitsBelowOneSecond() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitedException(ErrorCode.FORBIDDEN, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitedException(ErrorCode.RATE_LIMITED, 0));
    }
}
