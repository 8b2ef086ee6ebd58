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

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link KeyedThrottle#tryAcquire} on the hit path: 10,000 known client keys (IPv6 /64s and IPv4 addresses), the
 * rate high enough that every call is allowed, {@code System.nanoTime} as the ticker. Targets: under 70 ns with one
 * thread, under 150 ns per thread with two, and {@code gc.alloc.rate.norm} about 0 bytes/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThrottleBench {
    private static final int KEYS = 10_000;

    @State(Scope.Benchmark)
    public static class Shared {
        KeyedThrottle<AddressKey> throttle;
        AddressKey[] keys;

        @Setup(Level.Trial)
        public void setUp() {
            // 1e9/s with a burst of 1e9: no realistic call pattern runs a bucket dry, so every call is a hit.
            throttle = new KeyedThrottle<>(new Rate(1_000_000_000L, Duration.ofSeconds(1), 1_000_000_000L),
                    2 * KEYS, Duration.ofMinutes(10), System::nanoTime);
            AddressKeys addressKeys = AddressKeys.byIpv6Slash64();
            SplittableRandom random = new SplittableRandom(42);
            keys = new AddressKey[KEYS];
            for (int i = 0; i < KEYS; i++) {
                byte[] address = new byte[i % 4 == 0 ? 4 : 16];
                for (int b = 0; b < address.length; b++) {
                    address[b] = (byte) random.nextInt(256);
                }
                keys[i] = addressKeys.keyOf(address);
                throttle.tryAcquire(keys[i]);
            }
        }
    }

    /** Each thread walks the keys in its own pseudo-random order, so threads rarely share a bucket. */
    @State(Scope.Thread)
    public static class Cursor {
        int index;
        int stride;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom();
            index = random.nextInt(KEYS);
            // An odd stride coprime with 10,000 visits every key before repeating.
            stride = 7919 + 2 * random.nextInt(64) * 5 + 2;
            while (gcd(stride, KEYS) != 1) {
                stride += 2;
            }
        }

        AddressKey next(AddressKey[] keys) {
            index += stride;
            if (index >= KEYS) {
                index -= KEYS * (index / KEYS);
            }
            return keys[index];
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    @Benchmark
    @Threads(1)
    public long acquireOneThread(Shared shared, Cursor cursor) {
        return shared.throttle.tryAcquire(cursor.next(shared.keys));
    }

    @Benchmark
    @Threads(2)
    public long acquireTwoThreads(Shared shared, Cursor cursor) {
        return shared.throttle.tryAcquire(cursor.next(shared.keys));
    }
}
