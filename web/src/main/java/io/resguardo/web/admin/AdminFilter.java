package io.resguardo.web.admin;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Guards {@code /admin/*} after the HTTPS and allowlist filters have run (CONTRACT section 3).
 *
 * <ol>
 *   <li>Every answer, the 401 challenge included, gets {@code Cache-Control: no-store}, a strict
 *       Content-Security-Policy ({@value #CSP}), {@code X-Frame-Options: DENY} and {@code Referrer-Policy:
 *       no-referrer}.</li>
 *   <li>{@link HttpServletRequest#authenticate} asks the container (login-config BASIC, realm {@code Resguardo})
 *       for the user; without valid credentials the container has sent its {@code 401} with
 *       {@code WWW-Authenticate} and the request ends here. There is deliberately no {@code security-constraint} in
 *       {@code web.xml}: the container would then answer before Resguardo's filters, without
 *       {@code X-Request-Id} and with its own error page.</li>
 *   <li>A user without the role {@value #ROLE}: {@code 403 FORBIDDEN}.</li>
 *   <li>Any method but {@code GET} and {@code HEAD} without the header {@code X-Requested-With: resguardo-admin}:
 *       {@code 403 FORBIDDEN}. Browsers send cached BASIC credentials with every request to the origin, including
 *       a form another site posts there (cross-site request forgery); a custom header cannot be added to a
 *       cross-site request without a CORS preflight, which Resguardo never approves, so its presence proves the
 *       request came from the dashboard's own script (or a deliberate tool).</li>
 * </ol>
 * Rejections never throw. A container without an authenticator for this application (no {@code login-config})
 * fails closed with {@code 403 FORBIDDEN}.
 */
final class AdminFilter implements Filter {
    /** The container role that may use the admin surface. */
    static final String ROLE = "resguardo-admin";
    static final String CSRF_HEADER = "X-Requested-With";
    static final String CSRF_VALUE = "resguardo-admin";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request && res instanceof HttpServletResponse response)
                || Surface.of(request) != Surface.ADMIN) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!authenticated(request, response)) {
            return;
        }
        if (!request.isUserInRole(ROLE)) {
            Problems.write(request, response, ErrorCode.FORBIDDEN, "this user does not have the role " + ROLE);
            return;
        }
        if (!isSafe(request.getMethod()) && !CSRF_VALUE.equals(request.getHeader(CSRF_HEADER))) {
            Problems.write(request, response, ErrorCode.FORBIDDEN, "changes need the header " + CSRF_HEADER + ": "
                    + CSRF_VALUE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean authenticated(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            // No login-config, or the realm itself failed: never let the request through unauthenticated.
            Problems.write(request, response, ErrorCode.FORBIDDEN, "container authentication is not configured");
            return false;
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }
}
