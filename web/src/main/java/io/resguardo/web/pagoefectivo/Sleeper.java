package io.resguardo.web.pagoefectivo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between two attempts of a call. Injected so that tests record the delays instead of sleeping through them.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for {@code delay}.
     *
     * @throws InterruptedException when the waiting thread is interrupted; the client then gives up the call
     */
    void sleep(Duration delay) throws InterruptedException;

    /** Really sleeps the current thread. */
    static Sleeper system() {
        return delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
}
