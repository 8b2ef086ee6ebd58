package io.resguardo.core.throttle;

/**
 * The times of one key's last {@code n} failures, in a ring. Guarded by its own monitor: failures are the slow path
 * and per-key locking keeps keys independent.
 */
final class FailureWindow {
    enum Outcome { RECORDED, THRESHOLD_REACHED, RETIRED }

    private final long[] times;
    private int next;
    private int count;
    private boolean retired;

    FailureWindow(int n) {
        this.times = new long[n];
    }

    /** Records a failure at {@code now}; reports whether the last {@code n} failures all lie within the window. */
    synchronized Outcome record(long now, long windowNanos) {
        if (retired) {
            return Outcome.RETIRED;
        }
        // Threads read the clock before taking the lock; keep the ring in time order whatever order they enter.
        if (count > 0 && now - newest() < 0) {
            now = newest();
        }
        times[next] = now;
        next = (next + 1) % times.length;
        if (count < times.length) {
            count++;
        }
        return saturatedFor(now, windowNanos) > 0 ? Outcome.THRESHOLD_REACHED : Outcome.RECORDED;
    }

    /**
     * How long the last {@code n} failures stay within one window, in ns; 0 or less when fewer than {@code n} lie
     * within the window ending now. A failure exactly {@code windowNanos} old no longer counts.
     */
    synchronized long saturatedFor(long now, long windowNanos) {
        if (count < times.length) {
            return 0;
        }
        // When the ring is full, `next` points at the oldest of the last n failures.
        return times[next] + windowNanos - now;
    }

    private long newest() {
        return times[(next - 1 + times.length) % times.length];
    }

    synchronized void clear() {
        count = 0;
    }

    /** Marks this window removed if it no longer holds a failure within the window; later records then retry. */
    synchronized boolean retireIfStale(long now, long windowNanos) {
        if (retired) {
            return false;
        }
        if (count == 0 || now - newest() >= windowNanos) {
            retired = true;
        }
        return retired;
    }
}
