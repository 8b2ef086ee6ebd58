package io.resguardo.web.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed callback again: exponential backoff with full jitter (a uniformly random delay between zero
 * and {@code min(cap, base * 2^(attempts - 1))}), and no further attempt once the retries have covered
 * {@link #GIVE_UP_AFTER} since the event was created.
 */
final class Backoff {
    static final Duration BASE = Duration.ofSeconds(5);
    static final Duration CAP = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** 5 s doubled 10 times passes the 1 h cap; more doublings would only risk overflow. */
    private static final int MAX_DOUBLINGS = 10;

    private final DoubleSupplier jitter;

    Backoff(DoubleSupplier jitter) {
        this.jitter = jitter;
    }

    /** The ceiling of the delay after {@code attempts} attempts (at least one). */
    static Duration ceiling(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, MAX_DOUBLINGS));
        Duration grown = BASE.multipliedBy(1L << doublings);
        return grown.compareTo(CAP) > 0 ? CAP : grown;
    }

    /**
     * The next attempt after a failure at {@code now}, or empty to give up.
     *
     * @param attempts attempts made so far, this one included
     */
    Optional<Instant> next(Instant createdAt, int attempts, Instant now) {
        if (!now.isBefore(createdAt.plus(GIVE_UP_AFTER))) {
            return Optional.empty();
        }
        long ceilingMillis = ceiling(attempts).toMillis();
        return Optional.of(now.plusMillis(Math.round(ceilingMillis * fraction())));
    }

    /** The jitter source's value kept within [0, 1]: a faulty source must not stall or hurry retries unboundedly. */
    private double fraction() {
        double value = jitter.getAsDouble();
        if (Double.isNaN(value)) {
            return 1.0;
        }
        return Math.max(0.0, Math.min(1.0, value));
    }
}
