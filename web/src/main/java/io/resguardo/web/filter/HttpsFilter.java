package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.allowlist.ClientAddressResolver;
import io.resguardo.core.allowlist.ResolvedClient;
import io.resguardo.web.http.Clients;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Resolves the client (address and scheme) and enforces HTTPS.
 *
 * <p>The client is the connection's peer, unless the peer is a trusted proxy: only then are {@code Forwarded},
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed (core {@link ClientAddressResolver}). Forwarded
 * headers a trusted proxy sent but that do not parse, or disagree, are refused with {@code IP_NOT_ALLOWED}.
 * A plain-HTTP request is refused with {@code 403 HTTPS_REQUIRED}, except on the exempt paths (the load balancer's
 * {@code /health}). Every answer gets {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store};
 * HTTPS answers get {@code Strict-Transport-Security}.
 *
 * <p>Init-params: {@value #TRUSTED_PROXIES} (CIDRs, default none), {@value #REQUIRE_HTTPS} (default true),
 * {@value #HSTS} (default {@value #DEFAULT_HSTS}), {@value #EXEMPT_SURFACES} (default {@code health}).
 */
public final class HttpsFilter extends HttpFilter {
    public static final String TRUSTED_PROXIES = "trusted-proxies";
    public static final String REQUIRE_HTTPS = "require-https";
    public static final String HSTS = "hsts";
    public static final String EXEMPT_SURFACES = "exempt-surfaces";
    public static final String DEFAULT_HSTS = "max-age=31536000; includeSubDomains";

    private ClientAddressResolver resolver;
    private boolean requireHttps;
    private String hsts;
    private Set<Surface> exempt;

    /** For {@code web.xml}: configured from init-params. */
    public HttpsFilter() {
    }

    public HttpsFilter(Allowlist trustedProxies, boolean requireHttps, String hsts, Set<Surface> exempt) {
        this.resolver = new ClientAddressResolver(trustedProxies);
        this.requireHttps = requireHttps;
        this.hsts = hsts;
        this.exempt = Set.copyOf(exempt);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (resolver != null) {
            return;
        }
        try {
            resolver = new ClientAddressResolver(param(config, TRUSTED_PROXIES).map(Allowlist::parse)
                    .orElse(Allowlist.empty()));
        } catch (RuntimeException e) {
            throw invalid(config, TRUSTED_PROXIES, e);
        }
        String require = param(config, REQUIRE_HTTPS).orElse("true");
        if (!require.equals("true") && !require.equals("false")) {
            throw invalid(config, REQUIRE_HTTPS, new IllegalArgumentException("must be true or false"));
        }
        requireHttps = Boolean.parseBoolean(require);
        hsts = param(config, HSTS).orElse(DEFAULT_HSTS);
        if (hsts.indexOf('\r') >= 0 || hsts.indexOf('\n') >= 0) {
            throw invalid(config, HSTS, new IllegalArgumentException("must be one line"));
        }
        try {
            exempt = param(config, EXEMPT_SURFACES).map(HttpsFilter::surfaces).orElse(Set.of(Surface.HEALTH));
        } catch (RuntimeException e) {
            throw invalid(config, EXEMPT_SURFACES, e);
        }
    }

    private static Set<Surface> surfaces(String list) {
        return Set.copyOf(List.of(list.split(",")).stream()
                .map(s -> Surface.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT))).toList());
    }

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        ResolvedClient client;
        try {
            client = resolver.resolve(request.getRemoteAddr(), request.isSecure(), headers(request, "X-Forwarded-For"),
                    headers(request, "Forwarded"), headers(request, "X-Forwarded-Proto"),
                    headers(request, "X-Forwarded-Host"));
        } catch (ResguardoException e) {
            Problems.write(request, response, ErrorCode.IP_NOT_ALLOWED,
                    "the forwarded headers from the proxy could not be understood");
            return;
        }
        request.setAttribute(Clients.ATTRIBUTE, client);
        if (client.secure()) {
            response.setHeader("Strict-Transport-Security", hsts);
        } else if (requireHttps && !exempt.contains(Surface.of(request))) {
            Problems.write(request, response, ErrorCode.HTTPS_REQUIRED, "use https");
            return;
        }
        chain.doFilter(request, response);
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }
}
