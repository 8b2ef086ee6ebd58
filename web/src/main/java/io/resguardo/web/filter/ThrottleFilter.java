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
 * A token bucket per client address on the webhook and API surfaces: {@code 429 RATE_LIMITED} with
 * {@code Retry-After} in whole seconds when empty. The shop API is throttled again per key id once the signature
 * has verified. Standalone it shares the {@link AbuseGuard} in the servlet context (CONTRACT default rates).
 */
public final class ThrottleFilter extends HttpFilter {
    private AbuseGuard guard;

    public ThrottleFilter() {
    }

    public ThrottleFilter(AbuseGuard guard) {
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
        try {
            guard.acquire(request, Surface.of(request));
        } catch (RateLimitedException e) {
            Problems.writeRetryAfter(request, response, e.code(), "slow down", e.retryAfterSeconds());
            return;
        }
        chain.doFilter(request, response);
    }
}
