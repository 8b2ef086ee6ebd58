package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.redact.Redactor;
import io.resguardo.web.http.Clients;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import io.resguardo.web.log.RejectionSummary;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.ops.Metrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;

/**
 * One access record per request on the logger {@value #LOGGER} at INFO (the operator turns it down by setting that
 * logger to WARNING): surface, method, path, status, outcome code, latency, client address; the request id comes
 * with every record. Counts every request and rejection in the metrics; rejections are logged only as a summary,
 * never one WARNING each.
 */
public final class AccessLogFilter extends HttpFilter {
    public static final String LOGGER = "io.resguardo.access";

    private final SafeLog log;
    private final Metrics metrics;
    private final RejectionSummary summary;
    private final LongSupplier nanoTicker;

    /** For {@code web.xml}: logs with the standard redactor; metrics kept but not exposed. */
    public AccessLogFilter() {
        this(new Metrics(), Redactor.standard(), Clock.systemUTC(), System::nanoTime);
    }

    public AccessLogFilter(Metrics metrics, Redactor redactor, Clock clock, LongSupplier nanoTicker) {
        this.log = new SafeLog(LOGGER, redactor);
        this.metrics = metrics;
        this.summary = new RejectionSummary(new SafeLog("io.resguardo.rejections", redactor), clock,
                Duration.ofMinutes(1));
        this.nanoTicker = nanoTicker;
    }

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = nanoTicker.getAsLong();
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response, start);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        Surface surface = Surface.of(request);
        Object code = request.getAttribute(Problems.CODE_ATTRIBUTE);
        String outcome = code instanceof ErrorCode c ? c.name() : response.getStatus() < 400 ? "ok"
                : "HTTP_" + response.getStatus();
        metrics.request(surface.label(), outcome);
        if (code instanceof ErrorCode c && c.httpStatus() < 500) {
            metrics.rejection(c);
            summary.record(c);
        }
        if (log.isLoggable(Level.INFO)) {
            long micros = TimeUnit.NANOSECONDS.toMicros(nanoTicker.getAsLong() - start);
            log.info("access surface=" + surface.label() + " method=" + request.getMethod() + " path="
                    + Surface.pathOf(request) + " status=" + response.getStatus() + " outcome=" + outcome
                    + " latency_ms=" + (micros / 1000) + "." + String.format("%03d", micros % 1000)
                    + " client=" + Clients.addressOf(request));
        }
    }

    /** Logs the rejections counted since the last summary (at undeploy). */
    public void flush() {
        summary.flush();
    }
}
