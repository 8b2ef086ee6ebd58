package io.resguardo.sql.internal;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupFlushTest {
    /**
     * A pretend store: "commits" are numbered; a flush makes durable every commit numbered before it started.
     */
    private static final class Store {
        final AtomicLong commits = new AtomicLong();
        final AtomicLong durableUpTo = new AtomicLong();
        final AtomicInteger flushes = new AtomicInteger();

        GroupFlush.Flush flush() {
            return () -> {
                long upTo = commits.get();
                flushes.incrementAndGet();
                sleepQuietly();
                durableUpTo.accumulateAndGet(upTo, Math::max);
            };
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void everyCallerReturnsOnlyOnceItsCommitIsFlushedAndOneFlushServesManyCommits() throws Exception {
        Store store = new Store();
        GroupFlush group = new GroupFlush(store.flush());
        int threads = 16;
        int commitsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int notDurable = 0;
                    for (int i = 0; i < commitsEach; i++) {
                        long mine = store.commits.incrementAndGet();
                        group.awaitDurable();
                        if (store.durableUpTo.get() < mine) {
                            notDurable++;
                        }
                    }
                    return notDurable;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(0, result.get(60, TimeUnit.SECONDS), "a caller returned before its commit was flushed");
            }
        } finally {
            pool.shutdownNow();
        }
        int commits = threads * commitsEach;
        assertTrue(store.flushes.get() < commits / 2,
                store.flushes.get() + " flushes for " + commits + " concurrent commits: they were not grouped");
    }

    @Test
    void aFailedFlushFailsItsCallerAndTheNextCallerFlushesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupFlush group = new GroupFlush(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new SQLException("disk full", "08006");
            }
        });

        SQLException failed = assertThrows(SQLException.class, () -> group.awaitDurable());
        assertEquals("08006", failed.getSQLState());

        group.awaitDurable();
        assertEquals(2, calls.get(), "the commit after a failed flush must not count the failed one as done");
    }

    @Test
    void aLoneCallerFlushesEveryTime() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupFlush group = new GroupFlush(calls::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            group.awaitDurable();
        }
        assertEquals(5, calls.get());
    }
}
