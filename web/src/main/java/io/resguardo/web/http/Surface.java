package io.resguardo.web.http;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** The parts of the WAR with their own protection (CONTRACT section 3), by path. */
public enum Surface {
    WEBHOOK,
    API,
    ADMIN,
    METRICS,
    HEALTH,
    SANDBOX,
    OTHER;

    /** The surface of a path relative to the context path. */
    public static Surface of(String path) {
        if (path.startsWith("/webhooks/")) {
            return WEBHOOK;
        }
        if (path.startsWith("/api/")) {
            return API;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return ADMIN;
        }
        if (path.equals("/metrics")) {
            return METRICS;
        }
        if (path.equals("/health")) {
            return HEALTH;
        }
        if (path.equals("/sandbox") || path.startsWith("/sandbox/")) {
            return SANDBOX;
        }
        return OTHER;
    }

    /** The surface of a request, from its URI without the context path (not decoded: no traversal tricks). */
    public static Surface of(HttpServletRequest request) {
        return of(pathOf(request));
    }

    /** The request path relative to the context path, as sent (not decoded). */
    public static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The label used in metrics and logs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
