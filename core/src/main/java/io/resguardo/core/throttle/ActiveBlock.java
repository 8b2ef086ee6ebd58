package io.resguardo.core.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * One client blocked by a {@link FailureTracker}, as listed for the operator dashboard. The tracker runs on a
 * monotonic clock, so it reports how long the block still lasts; the dashboard adds that to its wall clock to show
 * an end time.
 *
 * @param key the blocked client
 * @param remaining how long the block still lasts, positive
 * @param <K> the tracker's key type
 */
public record ActiveBlock<K>(K key, Duration remaining) {
    public ActiveBlock {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(remaining, "remaining");
    }
}
