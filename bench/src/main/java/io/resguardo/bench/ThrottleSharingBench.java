package io.resguardo.bench;

import io.resguardo.core.throttle.AddressKey;
import io.resguardo.core.throttle.AddressKeys;
import io.resguardo.core.throttle.KeyedThrottle;
import io.resguardo.core.throttle.Rate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Controls for {@link ThrottleBench#acquireTwoThreads}, to tell contention inside {@link KeyedThrottle} apart from
 * the cost of two cores writing the same buckets. {@code ownThrottleTwoThreads}: each thread has a throttle and keys
 * of its own, nothing is shared. {@code sharedThrottleDisjointKeysTwoThreads}: one throttle, each thread its own half
 * of the keys (contiguous halves, so no two threads write buckets allocated side by side). If both run as fast as one
 * thread, the throttle itself has no shared hot state, and what {@code acquireTwoThreads} adds is each bucket's cache
 * line moving between the cores, because there both threads walk every key.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThrottleSharingBench {
    private static final int KEYS = 10_000;
    private static final int HALF = KEYS / 2;

    static AddressKey[] keys(long seed) {
        AddressKeys addressKeys = AddressKeys.byIpv6Slash64();
        SplittableRandom random = new SplittableRandom(seed);
        AddressKey[] keys = new AddressKey[KEYS];
        for (int i = 0; i < KEYS; i++) {
            byte[] address = new byte[i % 4 == 0 ? 4 : 16];
            for (int b = 0; b < address.length; b++) {
                address[b] = (byte) random.nextInt(256);
            }
            keys[i] = addressKeys.keyOf(address);
        }
        return keys;
    }

    static KeyedThrottle<AddressKey> throttle(AddressKey[] keys) {
        KeyedThrottle<AddressKey> throttle = new KeyedThrottle<>(
                new Rate(1_000_000_000L, Duration.ofSeconds(1), 1_000_000_000L), 2 * KEYS, Duration.ofMinutes(10),
                System::nanoTime);
        for (AddressKey key : keys) {
            throttle.tryAcquire(key);
        }
        return throttle;
    }

    @State(Scope.Thread)
    public static class Own {
        KeyedThrottle<AddressKey> throttle;
        AddressKey[] keys;
        int index;

        @Setup(Level.Trial)
        public void setUp() {
            keys = keys(new SplittableRandom().nextLong());
            throttle = throttle(keys);
        }
    }

    @State(Scope.Benchmark)
    public static class Shared {
        KeyedThrottle<AddressKey> throttle;
        AddressKey[] keys;

        @Setup(Level.Trial)
        public void setUp() {
            keys = keys(42);
            throttle = throttle(keys);
        }
    }

    @State(Scope.Thread)
    public static class Half {
        int index;
        int base;

        @Setup(Level.Trial)
        public void setUp(ThreadParams params) {
            base = (params.getThreadIndex() % 2) * HALF;
        }
    }

    @Benchmark
    @Threads(2)
    public long ownThrottleTwoThreads(Own own) {
        // 7919 is prime, so the walk visits every key before repeating.
        int i = own.index + 7919;
        if (i >= KEYS) {
            i -= KEYS;
        }
        own.index = i;
        return own.throttle.tryAcquire(own.keys[i]);
    }

    @Benchmark
    @Threads(2)
    public long sharedThrottleDisjointKeysTwoThreads(Shared shared, Half half) {
        // 2503 is prime, so the walk visits every key of the half before repeating.
        int i = half.index + 2503;
        if (i >= HALF) {
            i -= HALF;
        }
        half.index = i;
        return shared.throttle.tryAcquire(shared.keys[half.base + i]);
    }
}
