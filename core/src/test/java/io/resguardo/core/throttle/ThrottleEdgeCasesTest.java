package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.FakeTicker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review probes at the edges: extreme rate text, the wait at a token boundary, the exact failure window. */
class ThrottleEdgeCasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807/s", "1/s,burst=9223372036854775807", "1/s,burst=0",
            "1/h,burst=1000000000", "1000000001/s", "+1/s", "1 0/s", "\u0661/s", "20/s\u00a0"})
    void rejectsExtremeRateTextAsConfigurationErrors(String text) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Rate.parse(text, "RESGUARDO_RATE_LIMIT_API"));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
    }

    @Test
    void acceptsTheLargestRateAndBurst() {
        Rate rate = Rate.parse("1000000000/s,burst=1000000000");
        assertEquals(1_000_000_000L, rate.burst());
        assertEquals(new Rate(20, Duration.ofSeconds(1), 40), Rate.parse("\t20/s ,burst=40\n"));
    }

    @Test
    void aDeniedCallWaitsExactlyUntilTheNextTokenForAScaledRate() {
        FakeTicker ticker = new FakeTicker();
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("7/s,burst=1"), 10, Duration.ofMinutes(1),
                ticker);
        assertEquals(0, throttle.tryAcquire("a"));
        long wait = throttle.tryAcquire("a");
        assertEquals(142_857_143L, wait, "1/7 s rounded up to whole ns");
        ticker.advanceNanos(wait - 1);
        assertEquals(1, throttle.tryAcquire("a"), "a denied call never waits 0");
        ticker.advanceNanos(1);
        assertEquals(0, throttle.tryAcquire("a"));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> throttle.acquire("a"));
        assertEquals(1, e.retryAfterSeconds());
    }

    @Test
    void theOverflowBucketDeniesWithAPositiveWait() {
        FakeTicker ticker = new FakeTicker();
        KeyedThrottle<Integer> throttle = new KeyedThrottle<>(Rate.parse("1/h,burst=1"), 1, Duration.ofDays(1),
                ticker);
        assertEquals(0, throttle.tryAcquire(0));
        assertEquals(0, throttle.tryAcquire(1), "the overflow bucket starts full");
        for (int key = 2; key < 1000; key++) {
            long wait = throttle.tryAcquire(key);
            assertTrue(wait > 0 && wait <= 3_600_000_000_000L, "wait " + wait);
        }
        assertEquals(1, throttle.trackedKeys());
    }

    @Test
    void exactlyNFailuresWithinTheWindowBlockAndAFailureExactlyAWindowOldDoesNot() {
        FakeTicker ticker = new FakeTicker();
        FailureTracker<String> tracker = new FailureTracker<>(3, Duration.ofSeconds(60), Duration.ofMinutes(15), 10,
                ticker);
        tracker.recordFailure("a");
        ticker.advance(Duration.ofSeconds(60));
        tracker.recordFailure("a");
        tracker.recordFailure("a");
        assertEquals(Optional.empty(), tracker.blockedFor("a"), "the first failure is exactly a window old");

        tracker.recordFailure("b");
        ticker.advanceNanos(60_000_000_000L - 1);
        tracker.recordFailure("b");
        tracker.recordFailure("b");
        assertEquals(Optional.of(Duration.ofMinutes(15)), tracker.blockedFor("b"));
    }

    @Test
    void aFloodOfFailingKeysNeverResetsATrackedKeysCount() {
        FakeTicker ticker = new FakeTicker();
        FailureTracker<Integer> tracker = new FailureTracker<>(3, Duration.ofMinutes(1), Duration.ofMinutes(15), 5,
                ticker);
        tracker.recordFailure(0);
        tracker.recordFailure(0);
        for (int key = 1; key < 10_000; key++) {
            tracker.recordFailure(key);
            if (key % 100 == 0) {
                ticker.advance(Duration.ofMillis(100));
            }
        }
        tracker.recordFailure(0);
        assertTrue(tracker.blockedFor(0).isPresent());
        assertTrue(tracker.trackedKeys() <= 5);
    }

    @Test
    void unblockingDuringACounterOnlyBlockLiftsIt() {
        FakeTicker ticker = new FakeTicker();
        FailureTracker<Integer> tracker = new FailureTracker<>(1, Duration.ofMinutes(1), Duration.ofMinutes(15), 1,
                ticker);
        tracker.recordFailure(1);
        tracker.recordFailure(2);
        assertTrue(tracker.blockedFor(2).isPresent(), "held by its counter while the block table is full");
        assertTrue(tracker.unblock(2));
        assertEquals(Optional.empty(), tracker.blockedFor(2));
        assertTrue(tracker.blockedFor(1).isPresent());
    }
}
