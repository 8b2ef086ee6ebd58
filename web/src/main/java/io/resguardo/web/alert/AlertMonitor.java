package io.resguardo.web.alert;

import io.resguardo.web.log.SafeLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Samples the node's numbers and raises alerts by the rules; see the package documentation. Thread-safe.
 */
public final class AlertMonitor {
    /** How often the numbers are sampled when started. */
    public static final Duration PERIOD = Duration.ofSeconds(10);
    /** Recent alerts kept for the dashboard. */
    static final int RECENT = 50;

    /** One raised alert. */
    public record Alert(AlertKind kind, Instant at, long value, String rule, String meaning) {
        public Alert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    private record Sample(Instant at, long value) {
    }

    private final Map<AlertKind, AlertRule> rules;
    private final Map<AlertKind, LongSupplier> sources;
    private final Clock clock;
    private final SafeLog log;
    private final Consumer<Alert> sink;
    private final Map<AlertKind, Deque<Sample>> history = new EnumMap<>(AlertKind.class);
    private final Map<AlertKind, Instant> lastFired = new EnumMap<>(AlertKind.class);
    private final Deque<Alert> recent = new ArrayDeque<>();
    private ScheduledFuture<?> scheduled;

    /**
     * @param sources the number behind each kind: a monotonic counter for rate rules, a current level for the
     *                others; a source that throws (database down) is skipped for that pass
     * @param sink    told of every alert raised (metrics, the webhook), after it is logged
     */
    public AlertMonitor(Map<AlertKind, AlertRule> rules, Map<AlertKind, LongSupplier> sources, Clock clock,
                        SafeLog log, Consumer<Alert> sink) {
        this.rules = Map.copyOf(rules);
        this.sources = Map.copyOf(sources);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** One pass over every rule; returns the alerts it raised. */
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        List<Alert> raised = new ArrayList<>();
        sources.forEach((kind, source) -> {
            AlertRule rule = rules.get(kind);
            if (rule == null || rule.off()) {
                return;
            }
            long value;
            try {
                value = source.getAsLong();
            } catch (RuntimeException e) {
                return;
            }
            long measured = rule.window().map(window -> growth(kind, now, value, window)).orElse(value);
            Instant last = lastFired.get(kind);
            boolean quiet = last != null && now.isBefore(last.plus(rule.quiet()));
            if (measured >= rule.threshold() && !quiet) {
                lastFired.put(kind, now);
                raised.add(new Alert(kind, now, measured, rule.text(), kind.meaning()));
            }
        });
        raised.forEach(this::raise);
        return raised;
    }

    /** How much a counter grew within {@code window}, from the oldest sample still inside it (or just before). */
    private long growth(AlertKind kind, Instant now, long value, Duration window) {
        Deque<Sample> samples = history.computeIfAbsent(kind, k -> new ArrayDeque<>());
        samples.addLast(new Sample(now, value));
        Instant start = now.minus(window);
        while (samples.size() > 1) {
            Sample first = samples.pollFirst();
            if (samples.peekFirst().at().isAfter(start)) {
                samples.addFirst(first);
                break;
            }
        }
        return value - samples.peekFirst().value();
    }

    private void raise(Alert alert) {
        log.warning("ALERT " + alert.kind().label() + " value=" + alert.value() + " rule=" + alert.rule() + ": "
                + alert.meaning());
        recent.addFirst(alert);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        try {
            sink.accept(alert);
        } catch (RuntimeException e) {
            log.warning("alert " + alert.kind().label() + " not passed on: " + e.getClass().getSimpleName());
        }
    }

    /** The latest alerts, newest first. */
    public synchronized List<Alert> recent() {
        return List.copyOf(recent);
    }

    /** When each kind last fired, for the dashboard. */
    public synchronized Optional<Instant> lastFired(AlertKind kind) {
        return Optional.ofNullable(lastFired.get(kind));
    }

    /** Samples every {@link #PERIOD} on {@code executor} until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService executor) {
        if (scheduled != null) {
            throw new IllegalStateException("alert monitor already started");
        }
        long period = PERIOD.toMillis();
        scheduled = executor.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                // Anything escaping would stop every later pass.
                log.warning("alert pass failed: " + e.getClass().getSimpleName());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }
}
