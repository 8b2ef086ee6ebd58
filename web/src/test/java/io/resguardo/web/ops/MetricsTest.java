package io.resguardo.web.ops;

import io.resguardo.core.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    @Test
    void countersAndGaugesAreWrittenInTheExpositionFormat() {
        Metrics metrics = new Metrics();
        metrics.request("webhook", "ok");
        metrics.request("webhook", "ok");
        metrics.request("api", "SIGNATURE_INVALID");
        metrics.rejection(ErrorCode.SIGNATURE_INVALID);
        metrics.notification("ACCEPTED");
        metrics.gauge("resguardo_orders", "Orders by status.", "status", () -> Map.of("PAID", 3L, "PENDING", 1L));
        metrics.gauge("resguardo_outbox_pending", "Backlog.", "", () -> Map.of("", 7L));
        String text = metrics.scrape();
        assertTrue(text.contains("# TYPE resguardo_http_requests_total counter\n"));
        assertTrue(text.contains("resguardo_http_requests_total{surface=\"webhook\",outcome=\"ok\"} 2\n"), text);
        assertTrue(text.contains("resguardo_http_requests_total{surface=\"api\",outcome=\"SIGNATURE_INVALID\"} 1\n"));
        assertTrue(text.contains("resguardo_rejections_total{code=\"SIGNATURE_INVALID\"} 1\n"));
        assertTrue(text.contains("resguardo_notifications_total{result=\"ACCEPTED\"} 1\n"));
        assertTrue(text.contains("# TYPE resguardo_orders gauge\nresguardo_orders{status=\"PAID\"} 3\n"));
        assertTrue(text.contains("resguardo_outbox_pending 7\n"), text);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void aGaugeThatCannotBeReadIsLeftOutNotReportedAsZero() {
        Metrics metrics = new Metrics();
        metrics.gauge("resguardo_outbox_pending", "Backlog.", "", () -> {
            throw new IllegalStateException("database down");
        });
        assertFalse(metrics.scrape().contains("resguardo_outbox_pending"));
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", Metrics.escape("a\\b\"c\nd"));
    }
}
