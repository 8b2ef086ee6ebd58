package io.resguardo.core.throttle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most one caller per {@code intervalNanos} run a full-table sweep, without blocking anyone: a table full of
 * live entries must not turn every miss into an O(table) scan.
 */
final class SweepGate {
    private final long intervalNanos;
    private final AtomicLong nextAllowed;

    SweepGate(long intervalNanos, long nowNanos) {
        this.intervalNanos = intervalNanos;
        this.nextAllowed = new AtomicLong(nowNanos);
    }

    boolean tryEnter(long nowNanos) {
        long next = nextAllowed.get();
        // Difference, not comparison: System.nanoTime may wrap.
        return nowNanos - next >= 0 && nextAllowed.compareAndSet(next, nowNanos + intervalNanos);
    }
}
