package io.resguardo.core.throttle;

import io.resguardo.core.InvalidConfigurationException;

/**
 * The integer schedule behind a {@link Rate}, for the GCRA (virtual scheduling) form of a token bucket.
 *
 * <p>One token is worth {@code per / amount} nanoseconds, usually not a whole number (3/s is 333,333,333.3 ns).
 * Rounding it would make a bucket drift from its rate over time, so time is measured in <em>scaled units</em> of
 * {@code 1/scale} ns, where {@code per / amount = interval / scale} in lowest terms: one token is then exactly
 * {@code interval} units and the arithmetic is exact with no remainder to carry. {@code scale} is at most
 * {@value #MAX_SCALE} (it is 1 for every rate whose token is a whole number of ns, e.g. 20/s, 50/s); a rate whose
 * reduced denominator is larger (e.g. 1031/s) has its token rounded up to whole nanoseconds instead, which can
 * only admit less than configured, by under one part in a million for rates under 1000/s.
 *
 * <p>Bucket state is compared modulo 2<sup>64</sup> (see {@link KeyedThrottle}), so the scaled clock may wrap.
 *
 * @param scale scaled units per nanosecond
 * @param interval scaled units per token
 * @param limit {@code burst * interval}: how far ahead of now the theoretical arrival time may run
 */
record Emission(long scale, long interval, long limit) {
    static final long MAX_SCALE = 1024;
    /** Keeps {@code limit} far from the wrap-around point so a wrapped difference is never taken for a fresh one. */
    static final long MAX_LIMIT = 1L << 62;

    static Emission of(long amount, long perNanos, long burst) {
        long gcd = gcd(perNanos, amount);
        long scale = amount / gcd;
        long interval = perNanos / gcd;
        if (scale > MAX_SCALE) {
            scale = 1;
            interval = -Math.floorDiv(-perNanos, amount);
        }
        long limit;
        try {
            limit = Math.multiplyExact(burst, interval);
        } catch (ArithmeticException e) {
            limit = Long.MAX_VALUE;
        }
        if (limit > MAX_LIMIT) {
            throw new InvalidConfigurationException("rate burst " + burst + " is too large for " + amount + " per "
                    + perNanos + " ns");
        }
        return new Emission(scale, interval, limit);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
