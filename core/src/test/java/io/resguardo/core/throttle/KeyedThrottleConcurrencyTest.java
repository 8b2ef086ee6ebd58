package io.resguardo.core.throttle;

import io.resguardo.testfixtures.FakeTicker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several threads on one throttle; simulated time moves only by the threads' own hands, so no sleeps. */
class KeyedThrottleConcurrencyTest {
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 200_000;

    @Test
    void threadsHammeringOneKeyNeverGetMoreThanBurstPlusRateTimesElapsed() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("1000/s,burst=50"), 100,
                Duration.ofMinutes(1), ticker);
        long start = ticker.getAsLong();
        long admitted = hammer(ticker, 16, 7_919, () -> throttle.tryAcquire("one") == 0);

        long elapsed = ticker.getAsLong() - start;
        long bound = 50 + elapsed * 1000 / 1_000_000_000L;
        assertTrue(admitted <= bound, admitted + " admitted, bound " + bound);
        assertTrue(admitted > bound / 2, "the bucket still admits under contention: " + admitted);
    }

    @Test
    void concurrentEvictionNeverLetsExtraTokensThrough() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        // Idle eviction 0: a bucket is evictable the moment it is full again, racing with the callers.
        KeyedThrottle<String> throttle = new KeyedThrottle<>(Rate.parse("1000/s,burst=50"), 100, Duration.ZERO,
                ticker);
        long start = ticker.getAsLong();
        AtomicLong evictions = new AtomicLong();
        // Each jump refills exactly the burst, so every token lost to an eviction race would show as one too many.
        long admitted = hammer(ticker, 4096, 50_000_000L, () -> {
            evictions.addAndGet(throttle.evictIdle());
            return throttle.tryAcquire("one") == 0;
        });

        long elapsed = ticker.getAsLong() - start;
        long bound = 50 + elapsed * 1000 / 1_000_000_000L;
        assertTrue(admitted <= bound, admitted + " admitted, bound " + bound);
        assertTrue(evictions.get() > 0, "the race was exercised");
    }

    @Test
    void racingInsertsNeverExceedTheKeyCap() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        KeyedThrottle<Integer> throttle = new KeyedThrottle<>(Rate.parse("10/s"), 1000, Duration.ofMinutes(1),
                ticker);
        AtomicLong next = new AtomicLong();
        hammer(ticker, 16, 7_919, () -> throttle.tryAcquire((int) (next.incrementAndGet() % 20_000)) == 0);
        assertEquals(1000, throttle.trackedKeys());
    }

    private interface Call {
        boolean allowed();
    }

    private static long hammer(FakeTicker ticker, int advanceEvery, long advanceNanos, Call call) throws InterruptedException {
        AtomicLong admitted = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                awaitQuietly(go);
                long mine = 0;
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    if (call.allowed()) {
                        mine++;
                    }
                    if (i % advanceEvery == advanceEvery - 1) {
                        ticker.advanceNanos(advanceNanos);
                    }
                }
                admitted.addAndGet(mine);
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return admitted.get();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
