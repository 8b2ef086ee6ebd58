package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;

/**
 * A request refused by a throttle ({@link ErrorCode#RATE_LIMITED}) or because the client is blocked after repeated
 * authentication failures ({@link ErrorCode#CLIENT_BLOCKED}). Both are answered with HTTP 429 and a
 * {@code Retry-After} header of {@link #retryAfterSeconds()}.
 *
 * <p>The message never names the client key (an address or a key id), so it may be logged and shown to the caller.
 */
public final class RateLimitedException extends ResguardoException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * @param code {@link ErrorCode#RATE_LIMITED} or {@link ErrorCode#CLIENT_BLOCKED}
     * @param retryAfterSeconds whole seconds the client should wait, at least 1
     * @throws IllegalArgumentException for any other code or a wait below 1 second
     */
    public RateLimitedException(ErrorCode code, long retryAfterSeconds) {
        super(code, describe(code, retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private static String describe(ErrorCode code, long retryAfterSeconds) {
        if (code != ErrorCode.RATE_LIMITED && code != ErrorCode.CLIENT_BLOCKED) {
            throw new IllegalArgumentException("not a throttling code: " + code);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second, was " + retryAfterSeconds);
        }
        String what = code == ErrorCode.RATE_LIMITED ? "too many requests" : "client blocked after repeated failures";
        return what + "; retry after " + retryAfterSeconds + "s";
    }

    /**
     * The {@code Retry-After} value: a wait of {@code nanos} rounded up to whole seconds, at least 1 (0.2 s gives 1,
     * 1.01 s gives 2). CONTRACT.md section 6 never allows {@code Retry-After: 0}.
     */
    public static long retryAfterSeconds(long nanos) {
        if (nanos <= 0) {
            return 1;
        }
        return Math.max(1, -Math.floorDiv(-nanos, 1_000_000_000L));
    }

    /** Whole seconds the client should wait before trying again; always at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
