package io.resguardo.web.pagoefectivo;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a call that is safe to repeat is repeated: at most {@code maxAttempts} attempts in
 * all; before attempt {@code n + 1} the client waits a random time between zero and
 * {@code min(maxDelay, baseDelay * 2^(n-1))} ("full jitter", so that many clients failing together do not come back
 * together), or what the server asked for in {@code Retry-After}, never more than {@code maxDelay}.
 *
 * @param maxAttempts attempts in all, 1 (no retry) to 10
 * @param baseDelay   the ceiling of the first random wait; not negative
 * @param maxDelay    the ceiling of every wait, {@code Retry-After} included; at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    static final int MAX_ATTEMPTS_LIMIT = 10;

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay");
        }
    }

    /** 4 attempts, 200 ms base, 5 s cap. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /**
     * The longest random wait after {@code failedAttempts} failed attempts:
     * {@code min(maxDelay, baseDelay * 2^(failedAttempts-1))}.
     *
     * @throws IllegalArgumentException when {@code failedAttempts} is below 1
     */
    public Duration ceiling(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        // Shifting past 2^30 would overflow; by then the cap has long been reached for any sane base delay.
        int doublings = Math.min(failedAttempts - 1, 30);
        long nanos = baseDelay.toNanos();
        long ceiling = nanos > Long.MAX_VALUE >> doublings ? Long.MAX_VALUE : nanos << doublings;
        return Duration.ofNanos(Math.min(ceiling, maxDelay.toNanos()));
    }

    /** The full-jitter wait after {@code failedAttempts} failures, for a {@code random} value in [0, 1). */
    Duration backoff(int failedAttempts, double random) {
        double unit = random < 0 || random >= 1 || Double.isNaN(random) ? 0 : random;
        return Duration.ofNanos((long) (ceiling(failedAttempts).toNanos() * unit));
    }

    /** What a server's {@code Retry-After} becomes: the same, but at most {@link #maxDelay()}. */
    Duration honour(Duration retryAfter) {
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
