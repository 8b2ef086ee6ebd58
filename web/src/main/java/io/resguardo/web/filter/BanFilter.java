package io.resguardo.web.filter;

import io.resguardo.core.throttle.RateLimitedException;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Refuses clients banned after repeated authentication failures, on the webhook and API surfaces:
 * {@code 429 CLIENT_BLOCKED} with {@code Retry-After}. Standalone (no init-params) it uses the {@link AbuseGuard}
 * in the servlet context, creating one with the CONTRACT defaults when there is none.
 */
public final class BanFilter extends HttpFilter {
    private AbuseGuard guard;

    public BanFilter() {
    }

    public BanFilter(AbuseGuard guard) {
        this.guard = guard;
    }

    @Override
    public void init(FilterConfig config) {
        if (guard == null) {
            guard = AbuseGuard.of(config.getServletContext()).orElseGet(() -> {
                AbuseGuard made = AbuseGuard.defaults();
                config.getServletContext().setAttribute(AbuseGuard.ATTRIBUTE, made);
                return made;
            });
        }
    }

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Surface surface = Surface.of(request);
        if (surface == Surface.WEBHOOK || surface == Surface.API) {
            try {
                guard.checkBan(request);
            } catch (RateLimitedException e) {
                Problems.writeRetryAfter(request, response, e.code(), "too many authentication failures",
                        e.retryAfterSeconds());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
