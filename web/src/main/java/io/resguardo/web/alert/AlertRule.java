package io.resguardo.web.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One threshold: a rate ({@code 20/PT5M}: the counter grew by 20 within 5 minutes) or a level ({@code 1}: the
 * number is at least 1). A threshold of 0 switches the rule off.
 */
public record AlertRule(AlertKind kind, long threshold, Optional<Duration> window) {
    static final Duration LEVEL_QUIET = Duration.ofHours(1);

    public AlertRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
    }

    boolean off() {
        return threshold == 0;
    }

    /** How long the rule stays quiet after firing. */
    Duration quiet() {
        return window.orElse(LEVEL_QUIET);
    }

    /** As written in the configuration. */
    String text() {
        return threshold + window.map(w -> "/" + w).orElse("");
    }
}
