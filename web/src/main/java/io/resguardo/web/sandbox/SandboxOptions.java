package io.resguardo.web.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunable limits of the {@link SandboxServlet}; {@link #defaults()} suits a developer's sandbox, tests shrink the
 * delays.
 *
 * @param maxAmount        the merchant's maximum CIP amount: a larger one is refused with code {@code 511}
 * @param deliveryAttempts how many times one notification is sent at most (the first send included), 1..20
 * @param firstRetryDelay  the wait before the first retry; each further retry waits twice as long, at most
 *                         {@link #MAX_RETRY_DELAY}
 * @param deliveryTimeout  connect and response timeout of one notification attempt
 */
public record SandboxOptions(BigDecimal maxAmount, int deliveryAttempts, Duration firstRetryDelay,
                             Duration deliveryTimeout) {
    /** No retry waits longer than this, however many attempts are allowed. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(10);

    /**
     * @throws IllegalArgumentException when the amount is not positive or has more than 2 decimals, the attempts are
     *                                  outside 1..20, the retry delay is negative or the timeout not positive
     */
    public SandboxOptions {
        Objects.requireNonNull(maxAmount, "maxAmount");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        if (maxAmount.signum() <= 0 || maxAmount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("maxAmount must be positive with at most 2 decimals");
        }
        if (deliveryAttempts < 1 || deliveryAttempts > 20) {
            throw new IllegalArgumentException("deliveryAttempts must be 1..20, was " + deliveryAttempts);
        }
        if (firstRetryDelay.isNegative()) {
            throw new IllegalArgumentException("firstRetryDelay must not be negative");
        }
        if (deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
            throw new IllegalArgumentException("deliveryTimeout must be positive");
        }
    }

    /**
     * Maximum amount 100000.00 (below the order limit of 999999.99, so that code 511 can be provoked through
     * Resguardo), 5 attempts, retries after 1, 2, 4 and 8 seconds, 10 seconds per attempt.
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(new BigDecimal("100000.00"), 5, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public SandboxOptions withMaxAmount(BigDecimal amount) {
        return new SandboxOptions(amount, deliveryAttempts, firstRetryDelay, deliveryTimeout);
    }

    public SandboxOptions withDeliveryAttempts(int attempts) {
        return new SandboxOptions(maxAmount, attempts, firstRetryDelay, deliveryTimeout);
    }

    public SandboxOptions withFirstRetryDelay(Duration delay) {
        return new SandboxOptions(maxAmount, deliveryAttempts, delay, deliveryTimeout);
    }

    public SandboxOptions withDeliveryTimeout(Duration timeout) {
        return new SandboxOptions(maxAmount, deliveryAttempts, firstRetryDelay, timeout);
    }

    /** The wait before attempt {@code attempt} (2 or more): doubling from {@link #firstRetryDelay()}, capped. */
    Duration retryDelay(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 2; i < attempt && delay.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }
}
