package io.resguardo.testfixtures;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic nanosecond source that tests move by hand (for token buckets and windows). Thread-safe. */
public final class FakeTicker implements LongSupplier {
    private final AtomicLong nanos;

    public FakeTicker(long startNanos) {
        this.nanos = new AtomicLong(startNanos);
    }

    public FakeTicker() {
        this(1_000_000_000L);
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    public void advanceNanos(long by) {
        nanos.addAndGet(by);
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }
}
