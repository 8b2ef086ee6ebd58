package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.FakeTicker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureTrackerTest {
    private static final Duration WINDOW = FailureTracker.DEFAULT_WINDOW;
    private static final Duration BAN = FailureTracker.DEFAULT_BAN_DURATION;

    private final FakeTicker ticker = new FakeTicker();

    private FailureTracker<String> tracker(int maxFailures, int maxKeys) {
        return new FailureTracker<>(maxFailures, WINDOW, BAN, maxKeys, ticker);
    }

    private static void fail(FailureTracker<String> tracker, String key, int times) {
        for (int i = 0; i < times; i++) {
            tracker.recordFailure(key);
        }
    }

    private static RateLimitedException blocked(FailureTracker<String> tracker, String key) {
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> tracker.check(key));
        assertEquals(ErrorCode.CLIENT_BLOCKED, e.code());
        return e;
    }

    @Test
    void oneFailureShortOfTheThresholdDoesNotBlock() {
        FailureTracker<String> tracker = tracker(FailureTracker.DEFAULT_MAX_FAILURES, 100);
        fail(tracker, "a", 9);
        assertDoesNotThrow(() -> tracker.check("a"));
        assertEquals(Optional.empty(), tracker.blockedFor("a"));
    }

    @Test
    void theNthFailureBlocksForTheBanDuration() {
        FailureTracker<String> tracker = tracker(FailureTracker.DEFAULT_MAX_FAILURES, 100);
        fail(tracker, "a", 10);
        assertEquals(900, blocked(tracker, "a").retryAfterSeconds());
        assertEquals(Optional.of(BAN), tracker.blockedFor("a"));
        assertDoesNotThrow(() -> tracker.check("b"), "other keys are unaffected");
    }

    @Test
    void retryAfterIsTheRestOfTheBanRoundedUp() {
        FailureTracker<String> tracker = tracker(3, 100);
        fail(tracker, "a", 3);
        ticker.advance(BAN.minusMillis(200));
        assertEquals(1, blocked(tracker, "a").retryAfterSeconds(), "0.2 s left");

        fail(tracker, "b", 3);
        ticker.advance(BAN.minusMillis(1010));
        assertEquals(2, blocked(tracker, "b").retryAfterSeconds(), "1.01 s left");
    }

    @Test
    void theBanExpiresAndTheKeyStartsAfresh() {
        FailureTracker<String> tracker = tracker(3, 100);
        fail(tracker, "a", 3);
        ticker.advance(BAN.minusNanos(1));
        blocked(tracker, "a");
        ticker.advanceNanos(1);
        assertDoesNotThrow(() -> tracker.check("a"));
        fail(tracker, "a", 2);
        assertDoesNotThrow(() -> tracker.check("a"), "failures before the block were cleared");
    }

    @Test
    void theWindowSlides() {
        FailureTracker<String> tracker = tracker(3, 100);
        tracker.recordFailure("a");
        ticker.advance(Duration.ofSeconds(30));
        tracker.recordFailure("a");
        ticker.advance(Duration.ofSeconds(30));
        tracker.recordFailure("a");
        assertDoesNotThrow(() -> tracker.check("a"), "the first failure is exactly one window old: it no longer counts");

        ticker.advance(Duration.ofSeconds(1));
        tracker.recordFailure("a");
        blocked(tracker, "a");
    }

    @Test
    void failuresStraddlingAFixedWindowEdgeStillCount() {
        FailureTracker<String> tracker = tracker(4, 100);
        ticker.advance(Duration.ofSeconds(59));
        fail(tracker, "a", 2);
        ticker.advance(Duration.ofSeconds(2));
        tracker.recordFailure("a");
        assertDoesNotThrow(() -> tracker.check("a"));
        tracker.recordFailure("a");
        blocked(tracker, "a");
    }

    @Test
    void aFloodOfNewFailingKeysDoesNotLiftAnActiveBlock() {
        FailureTracker<String> tracker = tracker(10, 1000);
        fail(tracker, "attacker", 10);
        for (int i = 0; i < 100_000; i++) {
            tracker.recordFailure("flood-" + i);
        }
        assertEquals(900, blocked(tracker, "attacker").retryAfterSeconds());
        assertTrue(tracker.droppedFailures() > 0, "the counter table was full");
        assertEquals(1000, tracker.trackedKeys());
    }

    @Test
    void aFloodOfNewBlocksDoesNotEvictAnActiveBlock() {
        FailureTracker<String> tracker = tracker(1, 1000);
        tracker.recordFailure("attacker");
        ticker.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 100_000; i++) {
            tracker.recordFailure("flood-" + i);
            ticker.advanceNanos(1_000);
        }
        assertEquals(Optional.of(BAN.minusSeconds(5).minusNanos(100_000_000L)), tracker.blockedFor("attacker"));
        blocked(tracker, "attacker");
    }

    @Test
    void whenTheBlockTableIsFullAKeyStaysBlockedByItsFailuresForTheWindow() {
        FailureTracker<String> tracker = tracker(2, 1);
        fail(tracker, "first", 2);
        fail(tracker, "second", 2);
        ticker.advance(Duration.ofSeconds(10));
        assertEquals(900 - 10, blocked(tracker, "first").retryAfterSeconds());
        assertEquals(50, blocked(tracker, "second").retryAfterSeconds());
        ticker.advance(Duration.ofSeconds(50));
        assertDoesNotThrow(() -> tracker.check("second"));
    }

    @Test
    void expiredBlocksMakeRoomInAFullBlockTable() {
        FailureTracker<String> tracker = tracker(1, 1);
        tracker.recordFailure("first");
        ticker.advance(BAN);
        tracker.recordFailure("second");
        assertEquals(Optional.of(BAN), tracker.blockedFor("second"));
    }

    @Test
    void staleCountersMakeRoomInAFullCounterTable() {
        FailureTracker<String> tracker = tracker(3, 2);
        tracker.recordFailure("a");
        tracker.recordFailure("b");
        ticker.advance(WINDOW);
        fail(tracker, "c", 3);
        blocked(tracker, "c");
        assertEquals(0, tracker.droppedFailures());
    }

    @Test
    void listsActiveBlocksLongestFirst() {
        FailureTracker<String> tracker = tracker(1, 100);
        tracker.recordFailure("early");
        ticker.advance(Duration.ofMinutes(5));
        tracker.recordFailure("late");
        List<ActiveBlock<String>> blocks = tracker.activeBlocks();
        assertEquals(List.of(new ActiveBlock<>("late", BAN), new ActiveBlock<>("early", BAN.minusMinutes(5))),
                blocks);
        ticker.advance(Duration.ofMinutes(10));
        assertEquals(List.of(new ActiveBlock<>("late", Duration.ofMinutes(5))), tracker.activeBlocks());
    }

    @Test
    void anOperatorCanLiftABlock() {
        FailureTracker<String> tracker = tracker(2, 100);
        fail(tracker, "a", 2);
        assertTrue(tracker.unblock("a"));
        assertDoesNotThrow(() -> tracker.check("a"));
        assertFalse(tracker.unblock("a"));
        tracker.recordFailure("a");
        assertDoesNotThrow(() -> tracker.check("a"));
    }

    @Test
    void concurrentFailuresOfOneKeyBlockIt() throws InterruptedException {
        FailureTracker<String> tracker = tracker(1000, 100);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 250; i++) {
                    tracker.recordFailure("shared");
                    ticker.advanceNanos(1_000);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        blocked(tracker, "shared");
    }

    @Test
    void rejectsAnUnusableConfiguration() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> tracker(0, 10));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertThrows(InvalidConfigurationException.class, () -> tracker(1001, 10));
        assertThrows(InvalidConfigurationException.class, () -> tracker(10, 0));
        assertThrows(InvalidConfigurationException.class,
                () -> new FailureTracker<String>(10, Duration.ZERO, BAN, 10, ticker));
        assertThrows(InvalidConfigurationException.class,
                () -> new FailureTracker<String>(10, WINDOW, Duration.ofDays(31), 10, ticker));
    }
}
