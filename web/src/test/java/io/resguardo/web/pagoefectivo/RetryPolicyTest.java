package io.resguardo.web.pagoefectivo;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void defaultsAreFourAttempts200MillisecondsBaseAndFiveSecondsCap() {
        assertEquals(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5)), policy);
    }

    @Test
    void ceilingDoublesUpToTheCap() {
        assertEquals(Duration.ofMillis(200), policy.ceiling(1));
        assertEquals(Duration.ofMillis(400), policy.ceiling(2));
        assertEquals(Duration.ofMillis(3200), policy.ceiling(5));
        assertEquals(Duration.ofSeconds(5), policy.ceiling(6));
        assertEquals(Duration.ofSeconds(5), policy.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void backoffIsUniformBetweenZeroAndTheCeiling() {
        assertEquals(Duration.ZERO, policy.backoff(3, 0.0));
        assertEquals(Duration.ofMillis(400), policy.backoff(3, 0.5));
        assertEquals(Duration.ofNanos(799_200_000), policy.backoff(3, 0.999));
        // A random source out of contract cannot make the wait longer than the ceiling.
        assertEquals(Duration.ZERO, policy.backoff(3, 1.0));
        assertEquals(Duration.ZERO, policy.backoff(3, Double.NaN));
    }

    @Test
    void retryAfterIsCappedAtTheMaximumDelay() {
        assertEquals(Duration.ofSeconds(2), policy.honour(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(5), policy.honour(Duration.ofHours(1)));
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(11, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(-1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> policy.ceiling(0));
    }
}
