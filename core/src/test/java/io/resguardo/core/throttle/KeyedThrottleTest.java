package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.FakeTicker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedThrottleTest {
    private static final Duration IDLE = Duration.ofMinutes(1);

    private final FakeTicker ticker = new FakeTicker();

    private KeyedThrottle<String> throttle(String rate) {
        return new KeyedThrottle<>(Rate.parse(rate), 1000, IDLE, ticker);
    }

    private static int drain(KeyedThrottle<String> throttle, String key) {
        int allowed = 0;
        while (throttle.tryAcquire(key) == 0) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void allowsTheBurstThenRefillsExactlyOneTokenPerInterval() {
        KeyedThrottle<String> throttle = throttle("20/s,burst=40");
        assertEquals(40, drain(throttle, "a"));
        assertEquals(50_000_000L, throttle.tryAcquire("a"));

        ticker.advanceNanos(49_999_999L);
        assertEquals(1, throttle.tryAcquire("a"));
        ticker.advanceNanos(1);
        assertEquals(0, throttle.tryAcquire("a"));
        assertEquals(50_000_000L, throttle.tryAcquire("a"));

        ticker.advance(Duration.ofSeconds(1));
        assertEquals(20, drain(throttle, "a"));
    }

    @Test
    void refillsNoMoreThanTheBurstHowEverLongTheKeyWasQuiet() {
        KeyedThrottle<String> throttle = throttle("20/s,burst=40");
        drain(throttle, "a");
        ticker.advance(Duration.ofHours(5));
        assertEquals(40, drain(throttle, "a"));
    }

    @Test
    void deniedCallsTakeNothing() {
        KeyedThrottle<String> throttle = throttle("1/s,burst=1");
        assertEquals(0, throttle.tryAcquire("a"));
        for (int i = 0; i < 100; i++) {
            assertTrue(throttle.tryAcquire("a") > 0);
        }
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(0, throttle.tryAcquire("a"));
    }

    @Test
    void keysHaveIndependentBuckets() {
        KeyedThrottle<String> throttle = throttle("5/s");
        assertEquals(5, drain(throttle, "a"));
        assertEquals(5, drain(throttle, "b"));
    }

    /**
     * The attack a fixed window allows: a full window's worth just before its end and another just after. A fixed
     * one-second counter of 10 lets 20 through within 2 ms; the bucket lets through its burst and what refilled.
     */
    @Test
    void givesNoSecondBurstAtAWindowEdge() {
        FixedWindowCounter fixed = new FixedWindowCounter(10, 1_000_000_000L);
        KeyedThrottle<String> throttle = throttle("10/s,burst=10");
        long start = ticker.getAsLong();
        ticker.advance(Duration.ofMillis(999));
        int fixedAllowed = 0;
        int bucketAllowed = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) {
                fixedAllowed += fixed.tryAcquire(ticker.getAsLong() - start) ? 1 : 0;
                bucketAllowed += throttle.tryAcquire("a") == 0 ? 1 : 0;
            }
            ticker.advance(Duration.ofMillis(2));
        }
        assertEquals(20, fixedAllowed);
        assertEquals(10, bucketAllowed);
    }

    @Test
    void neverAdmitsMoreThanBurstPlusRateTimesElapsedOverAnyInterval() {
        KeyedThrottle<String> throttle = throttle("10/s,burst=5");
        long[] admittedAt = new long[2000];
        int admitted = 0;
        long start = ticker.getAsLong();
        for (int step = 0; step < 20_000; step++) {
            // An uneven request pattern: bursts and pauses of varying length.
            ticker.advanceNanos((step % 7 == 0) ? 37_000_001L : 1_234_567L);
            if (throttle.tryAcquire("a") == 0) {
                admittedAt[admitted++] = ticker.getAsLong() - start;
            }
        }
        for (int i = 0; i < admitted; i++) {
            for (int j = i; j < admitted; j++) {
                long elapsed = admittedAt[j] - admittedAt[i];
                long bound = 5 + elapsed * 10 / 1_000_000_000L;
                assertTrue(j - i + 1 <= bound, "admitted " + (j - i + 1) + " within " + elapsed + " ns");
            }
        }
    }

    @Test
    void acquireRefusesWithRateLimitedAndRetryAfterRoundedUp() throws RateLimitedException {
        KeyedThrottle<String> throttle = throttle("5/s,burst=1");
        throttle.acquire("a");
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> throttle.acquire("a"));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(1, e.retryAfterSeconds(), "0.2 s rounds up to 1");
    }

    @Test
    void retryAfterJustOverOneSecondIsTwo() throws RateLimitedException {
        KeyedThrottle<String> throttle = throttle("1/m,burst=1");
        throttle.acquire("a");
        ticker.advance(Duration.ofMillis(58_990));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> throttle.acquire("a"));
        assertEquals(2, e.retryAfterSeconds(), "1.01 s rounds up to 2");
    }

    /** Runs a client that takes every token as soon as it is due, and counts them against the exact rate. */
    @ParameterizedTest
    @CsvSource({
            "'3/s', P1D",
            "'7/m', P30D",
            "'5/h,burst=2', P366D",
            "'20/s,burst=40', PT6H",
            "'999/s,burst=3', PT5M",
    })
    void oddRatesDoNotDriftOverALongTime(String text, Duration span) {
        Rate rate = Rate.parse(text);
        KeyedThrottle<String> throttle = new KeyedThrottle<>(rate, 10, IDLE, ticker);
        long start = ticker.getAsLong();
        long end = start + span.toNanos();
        long admitted = runGreedyClient(throttle, end);
        long exact = rate.burst() + span.toNanos() / rate.per().toNanos() * rate.amount()
                + span.toNanos() % rate.per().toNanos() * rate.amount() / rate.per().toNanos();
        assertEquals(exact, admitted);
    }

    @Test
    void aRateWithARoundedTokenNeverAdmitsMoreThanConfigured() {
        Rate rate = Rate.parse("1031/s,burst=1");
        KeyedThrottle<String> throttle = new KeyedThrottle<>(rate, 10, IDLE, ticker);
        long admitted = runGreedyClient(throttle, ticker.getAsLong() + Duration.ofSeconds(100).toNanos());
        long exact = 1 + 100 * 1031;
        assertTrue(admitted <= exact && admitted >= exact - 1, "admitted " + admitted);
    }

    private long runGreedyClient(KeyedThrottle<String> throttle, long end) {
        long admitted = 0;
        for (;;) {
            long wait = throttle.tryAcquire("a");
            if (wait == 0) {
                admitted++;
            } else if (ticker.getAsLong() + wait > end) {
                return admitted;
            } else {
                ticker.advanceNanos(wait);
            }
        }
    }

    @Test
    void worksAcrossAWrapOfTheNanosecondTicker() {
        FakeTicker wrapping = new FakeTicker(Long.MAX_VALUE - 500_000_000L);
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("3/s"), 10, IDLE, wrapping);
        assertEquals(3, drain(throttle, "a"));
        wrapping.advance(Duration.ofSeconds(1));
        assertEquals(3, drain(throttle, "a"));
        wrapping.advanceNanos(333_333_334L);
        assertEquals(1, drain(throttle, "a"));
    }

    @Test
    void aKeyIdleLongEnoughForTheScaledClockToWrapIsFull() {
        KeyedThrottle<String> throttle = throttle("3/s,burst=3");
        for (long jump : new long[] {1L << 61, 1L << 62, 3L << 60, 1L << 62}) {
            drain(throttle, "a");
            ticker.advanceNanos(jump);
            assertEquals(3, drain(throttle, "a"));
        }
    }

    @Test
    void keysBeyondTheCapShareOneOverflowBucket() {
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("1/s,burst=2"), 3, IDLE, ticker);
        for (String key : new String[] {"a", "b", "c"}) {
            assertEquals(0, throttle.tryAcquire(key));
        }
        assertEquals(3, throttle.trackedKeys());

        assertEquals(0, throttle.tryAcquire("d"));
        assertEquals(0, throttle.tryAcquire("e"));
        assertTrue(throttle.tryAcquire("f") > 0, "the overflow bucket is shared, not one per key");
        assertTrue(throttle.tryAcquire("d") > 0);
        assertEquals(3, throttle.trackedKeys());
        assertEquals(0, throttle.tryAcquire("a"), "tracked keys keep their own bucket");
    }

    @Test
    void aFloodOfNewKeysIsNotUnlimitedWhenTheTableIsFull() {
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("10/s,burst=20"), 100, IDLE, ticker);
        int admitted = 0;
        for (int i = 0; i < 100_000; i++) {
            admitted += throttle.tryAcquire("flood-" + i) == 0 ? 1 : 0;
        }
        assertEquals(100 + 20, admitted, "one token each for the tracked keys, then one shared burst");
        assertEquals(100, throttle.trackedKeys());
    }

    @Test
    void idleKeysAreEvictedToMakeRoom() {
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("1/s,burst=2"), 2, Duration.ofSeconds(10),
                ticker);
        throttle.tryAcquire("a");
        throttle.tryAcquire("b");
        assertEquals(2, drain(throttle, "c"), "c is in the overflow bucket");

        ticker.advance(Duration.ofSeconds(11));
        assertEquals(0, throttle.tryAcquire("c"));
        assertEquals(1, throttle.trackedKeys(), "a and b were idle for 10 s and evicted; c has its own bucket");
        assertEquals(1, drain(throttle, "c"));
    }

    @Test
    void evictIdleKeepsKeysThatAreNotIdleYet() {
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("1/s,burst=5"), 10, Duration.ofSeconds(10),
                ticker);
        drain(throttle, "busy");
        throttle.tryAcquire("quiet");
        ticker.advance(Duration.ofSeconds(12));
        assertEquals(1, throttle.evictIdle());
        assertEquals(1, throttle.trackedKeys());
        assertEquals(5, drain(throttle, "quiet"), "an evicted key comes back with a full bucket, not more");
    }

    @Test
    void rejectsAnUnusableConfiguration() {
        Rate rate = Rate.DEFAULT_API;
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new KeyedThrottle<>(rate, 0, IDLE, ticker));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertThrows(InvalidConfigurationException.class,
                () -> new KeyedThrottle<>(rate, 10, Duration.ofSeconds(-1), ticker));
        assertThrows(InvalidConfigurationException.class,
                () -> new KeyedThrottle<>(rate, 10, Duration.ofDays(2), ticker));
    }

    /** A fixed-window counter, only to show the edge attack the token bucket prevents. */
    private static final class FixedWindowCounter {
        private final int limit;
        private final long windowNanos;
        private long windowIndex = -1;
        private int count;

        FixedWindowCounter(int limit, long windowNanos) {
            this.limit = limit;
            this.windowNanos = windowNanos;
        }

        boolean tryAcquire(long nanos) {
            long index = nanos / windowNanos;
            if (index != windowIndex) {
                windowIndex = index;
                count = 0;
            }
            return count++ < limit;
        }
    }
}
