package io.resguardo.core.time;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;

import java.time.Duration;

/** A timestamp outside the allowed clock skew; carries the skew that was seen so operators can spot clock drift. */
public final class TimestampOutOfRangeException extends ResguardoException {
    private static final long serialVersionUID = 1L;

    private final Duration skew;
    private final Duration tolerance;

    public TimestampOutOfRangeException(Duration skew, Duration tolerance) {
        super(ErrorCode.TIMESTAMP_OUT_OF_RANGE, describe(skew, tolerance));
        this.skew = skew;
        this.tolerance = tolerance;
    }

    private static String describe(Duration skew, Duration tolerance) {
        String direction = skew.isNegative() ? "behind" : "ahead of";
        return "timestamp is " + skew.abs().toSeconds() + "s " + direction + " the server clock; allowed skew is "
                + tolerance.toSeconds() + "s";
    }

    /** Timestamp minus now: positive when the message claims a time in the future. */
    public Duration skew() {
        return skew;
    }

    public Duration tolerance() {
        return tolerance;
    }
}
