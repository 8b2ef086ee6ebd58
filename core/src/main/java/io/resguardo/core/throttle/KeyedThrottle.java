package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key ({@link AddressKey}, a key id, ...), in a table with a hard memory bound.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Rate.</b> Over any interval of length {@code t}, one key is admitted at most
 *       {@code burst + amount * t / per} times, whatever the interval's alignment and however many threads call:
 *       there is no window edge at which a client gets two bursts. The arithmetic is integer only and exact (see
 *       {@link Rate} and the scaled units below), so odd rates such as 3/s or 7/m do not drift over time.</li>
 *   <li><b>Memory.</b> At most {@code maxKeys} keys are tracked. When the table is full, keys that have a bucket keep
 *       it, and every other key shares <em>one</em> overflow bucket of the same rate: the throttle fails closed,
 *       a flood of new keys is never unlimited (and, while the flood lasts, new legitimate clients share that
 *       bucket with it).</li>
 *   <li><b>Eviction.</b> A key whose bucket has been full again for at least {@code idleEviction} is idle and may be
 *       evicted: forgetting a full bucket loses nothing, as a new bucket starts full. Eviction is opportunistic: a
 *       caller that finds the table full sweeps it (at most once per second, so a table full of live keys never
 *       makes each miss an O(table) scan), and {@link #evictIdle()} may be called from a scheduled task. There is
 *       no background thread.</li>
 *   <li><b>Concurrency.</b> Thread-safe without a global lock: each bucket is one {@code AtomicLong} updated by a
 *       compare-and-set loop; the table is a {@link ConcurrentHashMap}. An allowed call on a known key does not
 *       allocate.</li>
 * </ul>
 *
 * <h2>Algorithm</h2>
 * GCRA (generic cell rate algorithm, virtual scheduling), which is a token bucket kept as one number per key: the
 * <em>theoretical arrival time</em> {@code tat} at which the bucket would be full again. A call at {@code now} is
 * allowed when {@code max(tat, now) + interval - now <= burst * interval}, and then moves {@code tat} to
 * {@code max(tat, now) + interval}; otherwise the caller must wait the difference. No refill thread, no floating
 * point. Time is counted in scaled units of {@code 1/scale} ns (see {@link Rate}) from the ticker value at
 * construction. The clock is read after the bucket state, so a live bucket is never more than
 * {@code burst * interval} ahead of now; differences are taken modulo 2<sup>64</sup>, and one more than a second
 * beyond that can only come from a scaled clock that wrapped past a long-idle bucket, which is then taken as full.
 * The one inexact case is a bucket left idle, and never evicted, for a multiple of 2<sup>64</sup> scaled units (at
 * least 208 days; 584 years for rates like 20/s) to within {@code burst} tokens' time plus a second: it is then
 * taken as partly spent, for at most that time.
 *
 * <h2>Memory per key</h2>
 * Estimated for 64-bit HotSpot with compressed references (the default below 32 GB of heap): a
 * {@code ConcurrentHashMap} node (32 bytes), its share of the table array (4-byte slots at a load factor of at most
 * 0.75: 6 to 11 bytes), and the bucket {@code AtomicLong} (24 bytes), about <b>64 bytes</b>, plus the key itself
 * (an {@link AddressKey} is 32 bytes: about 96 bytes per client address). With {@code maxKeys = 100_000} that is
 * under 10 MB.
 *
 * @param <K> the key type; keys must be immutable with consistent {@code equals}/{@code hashCode} (and preferably
 *     {@code Comparable}, so that colliding hashes degrade to O(log n), not O(n))
 */
public final class KeyedThrottle<K> {
    /** Marks a bucket removed from the table, so a caller holding it retries with the table's current bucket. */
    private static final long EVICTED = Long.MIN_VALUE;
    private static final long RETRY = -1;
    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;
    /** How far apart two threads' readings of the ticker may be taken to lie; far more than real clocks differ. */
    private static final long SKEW_ALLOWANCE_NANOS = 1_000_000_000L;

    private final Rate rate;
    private final long scale;
    private final long interval;
    private final long limit;
    private final long skew;
    private final long idleUnits;
    private final LongSupplier ticker;
    private final long origin;
    private final ConcurrentHashMap<K, AtomicLong> buckets;
    private final KeyBudget budget;
    private final AtomicLong overflow;
    private final SweepGate sweepGate;

    /**
     * @param rate the rate of every key's bucket and of the overflow bucket
     * @param maxKeys how many keys may hold their own bucket, at least 1
     * @param idleEviction how long a bucket must have been full before its key may be evicted, 0 to 1 day
     * @param nanoTicker monotonic nanoseconds ({@code System::nanoTime} in production)
     * @throws InvalidConfigurationException when {@code maxKeys} or {@code idleEviction} is out of range
     */
    public KeyedThrottle(Rate rate, int maxKeys, Duration idleEviction, LongSupplier nanoTicker) {
        this.rate = Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(idleEviction, "idleEviction");
        this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        if (maxKeys < 1) {
            throw new InvalidConfigurationException("throttle maxKeys must be at least 1, was " + maxKeys);
        }
        if (idleEviction.isNegative() || idleEviction.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidConfigurationException("throttle idleEviction must be 0 to 1 day, was " + idleEviction);
        }
        Emission emission = rate.emission();
        this.scale = emission.scale();
        this.interval = emission.interval();
        this.limit = emission.limit();
        this.skew = SKEW_ALLOWANCE_NANOS * scale;
        this.idleUnits = idleEviction.toNanos() * scale;
        this.origin = ticker.getAsLong();
        this.buckets = new ConcurrentHashMap<>(Math.min(maxKeys, 1 << 16));
        this.budget = new KeyBudget(maxKeys);
        this.overflow = new AtomicLong(freshState(0));
        this.sweepGate = new SweepGate(SWEEP_INTERVAL_NANOS, origin);
    }

    /**
     * Takes one token from {@code key}'s bucket (or the shared overflow bucket when the table is full).
     *
     * @return 0 when allowed; otherwise the nanoseconds until a token is available (at least 1), nothing taken
     */
    public long tryAcquire(K key) {
        Objects.requireNonNull(key, "key");
        AtomicLong bucket = buckets.get(key);
        for (;;) {
            if (bucket == null) {
                bucket = bucketFor(key);
            }
            long wait = take(bucket);
            if (wait != RETRY) {
                return wait;
            }
            // A sweeper marked this bucket evicted and is about to remove it from the table: wait for that.
            Thread.onSpinWait();
            bucket = null;
        }
    }

    /**
     * Takes one token from {@code key}'s bucket, or refuses.
     *
     * @throws RateLimitedException code {@link ErrorCode#RATE_LIMITED}, with the wait rounded up to whole seconds
     *     (at least 1) for {@code Retry-After}
     */
    public void acquire(K key) throws RateLimitedException {
        long wait = tryAcquire(key);
        if (wait > 0) {
            throw new RateLimitedException(ErrorCode.RATE_LIMITED, RateLimitedException.retryAfterSeconds(wait));
        }
    }

    /**
     * Removes every key whose bucket has been full for at least the idle-eviction time. Safe to call at any time
     * from any thread (for example from a scheduled task); callers of {@link #tryAcquire} also sweep when they find
     * the table full.
     *
     * @return how many keys were evicted
     */
    public int evictIdle() {
        return sweep();
    }

    /** How many keys hold their own bucket now (at most {@link #maxKeys()}). */
    public int trackedKeys() {
        return budget.used();
    }

    public int maxKeys() {
        return budget.max();
    }

    public Rate rate() {
        return rate;
    }

    private long scaled(long nanos) {
        return (nanos - origin) * scale;
    }

    /** One GCRA step on {@code bucket}: 0 when a token was taken, the wait in ns, or {@link #RETRY} if evicted. */
    private long take(AtomicLong bucket) {
        for (;;) {
            long tat = bucket.get();
            if (tat == EVICTED) {
                return RETRY;
            }
            // The clock is read after the state: whoever wrote `tat` read the clock before we did, so a live bucket
            // is never more than `limit` ahead of our now (plus the skew allowance, for clocks read on other cores).
            long now = scaled(ticker.getAsLong());
            long ahead = tat - now;
            long start = ahead <= 0 || ahead > limit + skew ? 0 : ahead;
            long excess = start + interval - limit;
            if (excess > 0) {
                return -Math.floorDiv(-excess, scale);
            }
            long next = now + start + interval;
            if (next == EVICTED) {
                next++;
            }
            if (bucket.compareAndSet(tat, next)) {
                return 0;
            }
        }
    }

    private AtomicLong bucketFor(K key) {
        long nanos = ticker.getAsLong();
        long now = scaled(nanos);
        for (;;) {
            AtomicLong existing = buckets.get(key);
            if (existing != null) {
                return existing;
            }
            if (!budget.tryReserve(sweepGate, nanos, this::sweep)) {
                return overflow;
            }
            AtomicLong fresh = new AtomicLong(freshState(now));
            existing = buckets.putIfAbsent(key, fresh);
            if (existing == null) {
                return fresh;
            }
            budget.release();
        }
    }

    /** A full bucket at {@code now}: its theoretical arrival time is now (or just before, to avoid the marker). */
    private static long freshState(long now) {
        return now == EVICTED ? now - 1 : now;
    }

    private int sweep() {
        int evicted = 0;
        for (Map.Entry<K, AtomicLong> entry : buckets.entrySet()) {
            AtomicLong bucket = entry.getValue();
            long tat = bucket.get();
            if (tat != EVICTED && isIdle(tat - scaled(ticker.getAsLong())) && bucket.compareAndSet(tat, EVICTED)) {
                // Only the thread whose compare-and-set marked the bucket removes it, so the budget stays exact.
                buckets.remove(entry.getKey(), bucket);
                budget.release();
                evicted++;
            }
        }
        return evicted;
    }

    private boolean isIdle(long ahead) {
        return ahead > limit + skew || ahead <= -idleUnits;
    }
}
