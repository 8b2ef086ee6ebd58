package io.resguardo.web.ops;

import io.resguardo.web.http.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: Prometheus text exposition format 0.0.4 (HTTPS and the admin allowlist apply). */
public final class MetricsServlet extends Endpoint {
    private static final long serialVersionUID = 1L;

    private final transient Metrics metrics;

    public MetricsServlet(Metrics metrics) {
        super("GET", "HEAD");
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
