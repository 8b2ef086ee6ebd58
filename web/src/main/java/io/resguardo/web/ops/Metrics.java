package io.resguardo.web.ops;

import io.resguardo.core.ErrorCode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The node's counters and gauges (CONTRACT section 8), written in the Prometheus text exposition format 0.0.4.
 * Counters are lock-free; gauges are read from their suppliers when scraped (order counts and the outbox backlog
 * come from the database, so they are the same on every node).
 */
public final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> notifications = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> alerts = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Map<String, Number>>> gauges = new ConcurrentHashMap<>();

    /** One answered request: its surface and outcome ({@code ok} or the error code). */
    public void request(String surface, String outcome) {
        requests.computeIfAbsent(surface + '\u0000' + outcome, k -> new LongAdder()).increment();
    }

    public void rejection(ErrorCode code) {
        rejections.computeIfAbsent(code.name(), k -> new LongAdder()).increment();
    }

    /** Rejections counted so far, by error code (for the admin summary). */
    public Map<String, Long> rejectionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        rejections.forEach((code, adder) -> counts.put(code, adder.sum()));
        return counts;
    }

    /** One notification handled: {@code ACCEPTED}, {@code DUPLICATE}, {@code REJECTED}, {@code INVALID}. */
    public void notification(String result) {
        notifications.computeIfAbsent(result, k -> new LongAdder()).increment();
    }

    /** One alert raised, by kind ({@code signature_failures}, ...). */
    public void alert(String kind) {
        alerts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /**
     * A gauge family: {@code supplier} gives label value → number at scrape time (label {@code label}), or a single
     * value under the empty label name.
     */
    public void gauge(String name, String help, String label, Supplier<Map<String, Number>> supplier) {
        gauges.put(name + '\u0000' + help + '\u0000' + label, supplier);
    }

    /** The exposition text. A gauge whose supplier fails (database down) is left out, not reported as zero. */
    public String scrape() {
        StringBuilder out = new StringBuilder(2048);
        counter(out, "resguardo_http_requests_total", "HTTP requests answered, by surface and outcome.", requests,
                key -> {
                    int split = key.indexOf('\u0000');
                    return "surface=\"" + escape(key.substring(0, split)) + "\",outcome=\""
                            + escape(key.substring(split + 1)) + "\"";
                });
        counter(out, "resguardo_rejections_total", "Requests rejected, by error code.", rejections,
                key -> "code=\"" + escape(key) + "\"");
        counter(out, "resguardo_notifications_total", "PagoEfectivo notifications handled, by result.", notifications,
                key -> "result=\"" + escape(key) + "\"");
        counter(out, "resguardo_alerts_total", "Alerts raised, by kind.", alerts,
                key -> "kind=\"" + escape(key) + "\"");
        new TreeMap<>(gauges).forEach((key, supplier) -> {
            String[] parts = key.split("\u0000", -1);
            Map<String, Number> values;
            try {
                values = supplier.get();
            } catch (RuntimeException e) {
                return;
            }
            out.append("# HELP ").append(parts[0]).append(' ').append(parts[1]).append('\n');
            out.append("# TYPE ").append(parts[0]).append(" gauge\n");
            new TreeMap<>(values).forEach((labelValue, number) -> {
                out.append(parts[0]);
                if (!parts[2].isEmpty()) {
                    out.append('{').append(parts[2]).append("=\"").append(escape(labelValue)).append("\"}");
                }
                out.append(' ').append(format(number)).append('\n');
            });
        });
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, LongAdder> values,
                                java.util.function.Function<String, String> labels) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((key, adder) ->
                out.append(name).append('{').append(labels.apply(key)).append("} ").append(adder.sum()).append('\n'));
    }

    private static String format(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isNaN(d) ? "NaN" : Double.toString(d);
        }
        return Long.toString(number.longValue());
    }

    /** Label values escape backslash, double quote and line feed (exposition format 0.0.4). */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
