package io.resguardo.web.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This node's rejections by code, minute by minute, for the last hour: what the dashboard draws as "rejections over
 * time". Sampled once a minute from the metrics' counters (nothing is added to the request path); a minute with no
 * rejection is kept as an empty one so gaps show. Thread-safe.
 */
public final class RejectionTimeline {
    /** Minutes kept. */
    static final int MINUTES = 60;

    /** The rejections counted during one minute, by code; {@code minute} is its start (UTC). */
    public record Minute(Instant minute, Map<String, Long> counts) {
        public Minute {
            Objects.requireNonNull(minute, "minute");
            counts = Map.copyOf(counts);
        }
    }

    private final Supplier<Map<String, Long>> totals;
    private final Clock clock;
    private final Deque<Minute> minutes = new ArrayDeque<>();
    private Map<String, Long> previous;
    private ScheduledFuture<?> scheduled;

    /** @param totals the counters since start, by code (they only grow) */
    public RejectionTimeline(Supplier<Map<String, Long>> totals, Clock clock) {
        this.totals = Objects.requireNonNull(totals, "totals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records what was rejected since the previous sample, under the minute that just ended. */
    public synchronized void sample() {
        Map<String, Long> now = new TreeMap<>(totals.get());
        if (previous != null) {
            Map<String, Long> delta = new TreeMap<>();
            now.forEach((code, n) -> {
                long grown = n - previous.getOrDefault(code, 0L);
                if (grown > 0) {
                    delta.put(code, grown);
                }
            });
            minutes.addFirst(new Minute(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)),
                    delta));
            while (minutes.size() > MINUTES) {
                minutes.removeLast();
            }
        }
        previous = now;
    }

    /** The last {@code count} minutes, newest first. */
    public synchronized List<Minute> last(int count) {
        List<Minute> out = new ArrayList<>();
        for (Minute m : minutes) {
            if (out.size() == count) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    /** Samples at the start of every minute on {@code executor} until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService executor) {
        sample();
        Instant now = clock.instant();
        long untilNextMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)))
                .toMillis();
        scheduled = executor.scheduleAtFixedRate(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                // A failed sample leaves a gap; it must not stop later ones.
            }
        }, untilNextMinute, 60_000, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }
}
