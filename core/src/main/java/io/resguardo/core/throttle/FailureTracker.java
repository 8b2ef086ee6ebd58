package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Blocks a client key after {@code maxFailures} authentication failures within {@code window}, for
 * {@code banDuration} (CONTRACT.md section 7: {@code RESGUARDO_BAN_AFTER_FAILURES}, {@code RESGUARDO_BAN_WINDOW},
 * {@code RESGUARDO_BAN_DURATION}; rejection code {@link ErrorCode#CLIENT_BLOCKED}).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Sliding window.</b> A key is blocked when its last {@code maxFailures} failures all lie within
 *       {@code window} of the latest (a failure exactly {@code window} old no longer counts). The window slides
 *       with each failure: there are no fixed buckets whose edges let {@code 2 * maxFailures - 2} failures
 *       through. Blocking clears the key's failures, so an expired block starts the key afresh.</li>
 *   <li><b>Blocks outlive floods.</b> Active blocks live in their own table, apart from failure counters. A flood
 *       of new keys fills at most the counter table; an active block is never evicted to make room for anything.
 *       Expired blocks are removed lazily (on {@link #check}) and by a sweep when the table is full.</li>
 *   <li><b>Memory.</b> Both tables hold at most {@code maxKeys} keys. When the counter table is full of keys with
 *       failures inside the window, a failure of a key not yet tracked is not counted (see
 *       {@link #droppedFailures()}); tracked keys keep counting, so the table's occupants, who caused the flood,
 *       still get blocked, and slots free up within one window. Evicting tracked counters instead would let a
 *       flood reset everyone's count. When the block table is full of active blocks, a key that reaches the
 *       threshold stays blocked by its failure counter for as long as its last {@code maxFailures} failures remain
 *       within the window: the ban shrinks to the window, it never lapses to nothing.</li>
 *   <li><b>Concurrency.</b> Thread-safe without a global lock: concurrent tables, and one small lock per tracked
 *       key taken only on failures and on checks of keys that have failed.</li>
 * </ul>
 *
 * <h2>Memory per key</h2>
 * Estimated for 64-bit HotSpot with compressed references: a failure counter costs a hash node (32 bytes), a table
 * slot (6 to 11 bytes), the counter object (32 bytes) and its ring of failure times ({@code 16 + 8 * maxFailures}
 * bytes, 96 for the default 10): about <b>170 bytes</b> plus the key. An active block costs a node, a slot and a
 * 24-byte entry: about <b>64 bytes</b> plus the key.
 *
 * @param <K> the key type (usually {@link AddressKey}); immutable, with consistent {@code equals}/{@code hashCode}
 */
public final class FailureTracker<K> {
    /** {@code RESGUARDO_BAN_AFTER_FAILURES} default. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    /** {@code RESGUARDO_BAN_WINDOW} default. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** {@code RESGUARDO_BAN_DURATION} default. */
    public static final Duration DEFAULT_BAN_DURATION = Duration.ofMinutes(15);
    /** The ring of failure times is {@code 8 * maxFailures} bytes per key, so the threshold is kept modest. */
    public static final int MAX_FAILURES_LIMIT = 1000;

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final int maxFailures;
    private final long windowNanos;
    private final long banNanos;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<K, FailureWindow> counters;
    private final KeyBudget counterBudget;
    private final SweepGate counterSweep;
    private final ConcurrentHashMap<K, Block> blocks;
    private final KeyBudget blockBudget;
    private final SweepGate blockSweep;
    private final LongAdder droppedFailures = new LongAdder();

    /**
     * @param maxFailures failures within {@code window} that block a key, 1 to {@value #MAX_FAILURES_LIMIT}
     * @param window how far back failures count, positive, at most 1 day
     * @param banDuration how long a block lasts, positive, at most 30 days
     * @param maxKeys the cap of the counter table and, separately, of the block table; at least 1
     * @param nanoTicker monotonic nanoseconds ({@code System::nanoTime} in production)
     * @throws InvalidConfigurationException when a value is out of range
     */
    public FailureTracker(int maxFailures, Duration window, Duration banDuration, int maxKeys,
                          LongSupplier nanoTicker) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(banDuration, "banDuration");
        this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        if (maxFailures < 1 || maxFailures > MAX_FAILURES_LIMIT) {
            throw new InvalidConfigurationException("failures before a ban must be 1.." + MAX_FAILURES_LIMIT
                    + ", was " + maxFailures);
        }
        requireWithin("ban window", window, Duration.ofDays(1));
        requireWithin("ban duration", banDuration, Duration.ofDays(30));
        if (maxKeys < 1) {
            throw new InvalidConfigurationException("failure tracker maxKeys must be at least 1, was " + maxKeys);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.banNanos = banDuration.toNanos();
        long now = ticker.getAsLong();
        int initialCapacity = Math.min(maxKeys, 1 << 12);
        this.counters = new ConcurrentHashMap<>(initialCapacity);
        this.counterBudget = new KeyBudget(maxKeys);
        this.counterSweep = new SweepGate(SWEEP_INTERVAL_NANOS, now);
        this.blocks = new ConcurrentHashMap<>(initialCapacity);
        this.blockBudget = new KeyBudget(maxKeys);
        this.blockSweep = new SweepGate(SWEEP_INTERVAL_NANOS, now);
    }

    private static void requireWithin(String what, Duration value, Duration max) {
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new InvalidConfigurationException(what + " must be positive and at most " + max + ", was " + value);
        }
    }

    /** Counts one authentication failure of {@code key}, blocking it when this failure reaches the threshold. */
    public void recordFailure(K key) {
        Objects.requireNonNull(key, "key");
        long now = ticker.getAsLong();
        for (;;) {
            FailureWindow failures = counters.get(key);
            if (failures == null) {
                failures = newCounter(key, now);
                if (failures == null) {
                    droppedFailures.increment();
                    return;
                }
            }
            switch (failures.record(now, windowNanos)) {
                case RETIRED:
                    continue;
                case THRESHOLD_REACHED:
                    if (placeBlock(key, now)) {
                        failures.clear();
                    }
                    return;
                default:
                    return;
            }
        }
    }

    /**
     * Refuses a blocked key.
     *
     * @throws RateLimitedException code {@link ErrorCode#CLIENT_BLOCKED}, with the rest of the block rounded up to
     *     whole seconds (at least 1) for {@code Retry-After}
     */
    public void check(K key) throws RateLimitedException {
        long remaining = remainingNanos(Objects.requireNonNull(key, "key"), ticker.getAsLong());
        if (remaining > 0) {
            throw new RateLimitedException(ErrorCode.CLIENT_BLOCKED, RateLimitedException.retryAfterSeconds(remaining));
        }
    }

    /** How long {@code key} stays blocked, or empty when it is not blocked. */
    public Optional<Duration> blockedFor(K key) {
        long remaining = remainingNanos(Objects.requireNonNull(key, "key"), ticker.getAsLong());
        return remaining > 0 ? Optional.of(Duration.ofNanos(remaining)) : Optional.empty();
    }

    /**
     * Lifts {@code key}'s block, if any, and forgets its failures (an operator's decision).
     *
     * @return whether a block was lifted
     */
    public boolean unblock(K key) {
        Objects.requireNonNull(key, "key");
        long now = ticker.getAsLong();
        boolean lifted = remainingNanos(key, now) > 0;
        Block block = blocks.get(key);
        if (block != null && blocks.remove(key, block)) {
            blockBudget.release();
        }
        FailureWindow failures = counters.get(key);
        if (failures != null) {
            failures.clear();
        }
        return lifted;
    }

    /**
     * A snapshot of the keys blocked now, longest remaining first, for the operator dashboard. Weakly consistent
     * with concurrent changes. Includes keys held only by their failure counter while the block table is full.
     */
    public List<ActiveBlock<K>> activeBlocks() {
        long now = ticker.getAsLong();
        List<ActiveBlock<K>> active = new ArrayList<>();
        for (Map.Entry<K, Block> entry : blocks.entrySet()) {
            long remaining = entry.getValue().until - now;
            if (remaining > 0) {
                active.add(new ActiveBlock<>(entry.getKey(), Duration.ofNanos(remaining)));
            }
        }
        for (Map.Entry<K, FailureWindow> entry : counters.entrySet()) {
            long remaining = entry.getValue().saturatedFor(now, windowNanos);
            if (remaining > 0 && !blocks.containsKey(entry.getKey())) {
                active.add(new ActiveBlock<>(entry.getKey(), Duration.ofNanos(remaining)));
            }
        }
        active.sort(Comparator.comparing((ActiveBlock<K> block) -> block.remaining()).reversed());
        return active;
    }

    /** Failures not counted because the counter table was full of keys failing within the window (a metric). */
    public long droppedFailures() {
        return droppedFailures.sum();
    }

    /** How many keys have failure counters now. */
    public int trackedKeys() {
        return counterBudget.used();
    }

    public int maxFailures() {
        return maxFailures;
    }

    private long remainingNanos(K key, long now) {
        Block block = blocks.get(key);
        if (block != null) {
            long remaining = block.until - now;
            if (remaining > 0) {
                return remaining;
            }
            if (blocks.remove(key, block)) {
                blockBudget.release();
            }
        }
        FailureWindow failures = counters.get(key);
        return failures == null ? 0 : failures.saturatedFor(now, windowNanos);
    }

    private FailureWindow newCounter(K key, long now) {
        for (;;) {
            FailureWindow existing = counters.get(key);
            if (existing != null) {
                return existing;
            }
            if (!counterBudget.tryReserve(counterSweep, now, () -> sweepCounters(now))) {
                return null;
            }
            FailureWindow fresh = new FailureWindow(maxFailures);
            existing = counters.putIfAbsent(key, fresh);
            if (existing == null) {
                return fresh;
            }
            counterBudget.release();
        }
    }

    /** Blocks {@code key} until {@code now + banDuration}, never shortening a block; false when no room. */
    private boolean placeBlock(K key, long now) {
        Block wanted = new Block(now + banNanos);
        for (;;) {
            Block current = blocks.get(key);
            if (current != null) {
                if (current.until - wanted.until >= 0 || blocks.replace(key, current, wanted)) {
                    return true;
                }
                continue;
            }
            if (!blockBudget.tryReserve(blockSweep, now, () -> sweepBlocks(now))) {
                return false;
            }
            if (blocks.putIfAbsent(key, wanted) == null) {
                return true;
            }
            blockBudget.release();
        }
    }

    private int sweepCounters(long now) {
        int removed = 0;
        for (Map.Entry<K, FailureWindow> entry : counters.entrySet()) {
            FailureWindow failures = entry.getValue();
            // Retiring under the counter's lock makes a concurrent record() retry with a fresh counter, not vanish.
            if (failures.retireIfStale(now, windowNanos) && counters.remove(entry.getKey(), failures)) {
                counterBudget.release();
                removed++;
            }
        }
        return removed;
    }

    private int sweepBlocks(long now) {
        int removed = 0;
        for (Map.Entry<K, Block> entry : blocks.entrySet()) {
            Block block = entry.getValue();
            if (block.until - now <= 0 && blocks.remove(entry.getKey(), block)) {
                blockBudget.release();
                removed++;
            }
        }
        return removed;
    }

    /** A block's end on the ticker; compared by identity so that removal never takes a newer block by mistake. */
    private static final class Block {
        final long until;

        Block(long until) {
            this.until = until;
        }
    }
}
