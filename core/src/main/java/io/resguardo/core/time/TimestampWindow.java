package io.resguardo.core.time;

import io.resguardo.core.InvalidConfigurationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks that a timestamp taken from a message lies within a tolerance of the injected clock, in both directions
 * (a timestamp from the future is as suspicious as a stale one).
 *
 * <p>Immutable and thread-safe. Every verifier in core that reads a timestamp uses one of these.
 */
public final class TimestampWindow {
    /** The default tolerance of CONTRACT.md section 7 ({@code RESGUARDO_MAX_CLOCK_SKEW}). */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration tolerance;

    public TimestampWindow(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new InvalidConfigurationException("clock skew tolerance must be positive, was " + tolerance);
        }
    }

    /** A window of {@link #DEFAULT_TOLERANCE} around {@code clock}. */
    public static TimestampWindow withDefaultTolerance(Clock clock) {
        return new TimestampWindow(clock, DEFAULT_TOLERANCE);
    }

    /**
     * Checks {@code timestamp} against now.
     *
     * @return the skew seen: positive when the timestamp is ahead of this clock, negative when behind
     * @throws TimestampOutOfRangeException when the skew exceeds the tolerance either way
     */
    public Duration check(Instant timestamp) throws TimestampOutOfRangeException {
        Objects.requireNonNull(timestamp, "timestamp");
        Duration skew = Duration.between(clock.instant(), timestamp);
        if (skew.abs().compareTo(tolerance) > 0) {
            throw new TimestampOutOfRangeException(skew, tolerance);
        }
        return skew;
    }

    /** Checks a Unix-seconds timestamp; see {@link #check(Instant)}. */
    public Duration checkEpochSecond(long epochSecond) throws TimestampOutOfRangeException {
        // Clamp before Instant.ofEpochSecond so absurd values report a huge skew instead of throwing unchecked.
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epochSecond));
        return check(Instant.ofEpochSecond(clamped));
    }

    public Clock clock() {
        return clock;
    }

    public Duration tolerance() {
        return tolerance;
    }
}
