package io.resguardo.web.log;

import io.resguardo.core.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Summarizes rejections instead of logging each: one WARNING per window at most, with the counts per code since
 * the last summary, so a flood of bad requests costs one log line a minute. Thread-safe.
 */
public final class RejectionSummary {
    private final SafeLog log;
    private final Clock clock;
    private final Duration window;
    private final Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
    private Instant windowStart;

    public RejectionSummary(SafeLog log, Clock clock, Duration window) {
        this.log = log;
        this.clock = clock;
        this.window = window;
        this.windowStart = clock.instant();
    }

    public void record(ErrorCode code) {
        String summary;
        synchronized (this) {
            counts.merge(code, 1L, Long::sum);
            Instant now = clock.instant();
            if (now.isBefore(windowStart.plus(window))) {
                return;
            }
            summary = drain(now);
        }
        log.warning(summary);
    }

    /** Logs what was counted since the last summary, if anything (at shutdown). */
    public void flush() {
        String summary;
        synchronized (this) {
            if (counts.isEmpty()) {
                return;
            }
            summary = drain(clock.instant());
        }
        log.warning(summary);
    }

    private String drain(Instant now) {
        // "CODE (n)" rather than "CODE=n": the redactor masks values after names such as SIGNATURE_INVALID.
        StringJoiner joiner = new StringJoiner(", ", "rejections since "
                + windowStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": ", "");
        counts.forEach((code, n) -> joiner.add(code.name() + " (" + n + ")"));
        counts.clear();
        windowStart = now;
        return joiner.toString();
    }
}
