package io.resguardo.core.throttle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Counts entries of a concurrent table against a hard cap. A slot is reserved before an insert and released when the
 * insert loses a race or an entry is removed, so the table never holds more than {@code max} entries.
 */
final class KeyBudget {
    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    KeyBudget(int max) {
        this.max = max;
    }

    boolean tryReserve() {
        for (;;) {
            int current = used.get();
            if (current >= max) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /**
     * As {@link #tryReserve()}; when the table is full and {@code gate} lets this caller in, runs {@code sweep} and
     * tries once more if it removed anything.
     */
    boolean tryReserve(SweepGate gate, long nowNanos, IntSupplier sweep) {
        return tryReserve() || gate.tryEnter(nowNanos) && sweep.getAsInt() > 0 && tryReserve();
    }

    void release() {
        used.decrementAndGet();
    }

    int used() {
        return used.get();
    }

    int max() {
        return max;
    }
}
