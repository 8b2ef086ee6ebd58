package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.allowlist.IpAddress;
import io.resguardo.web.http.Clients;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a request only when its client address (as resolved by {@link HttpsFilter}, else the connection's peer)
 * is on the allowlist of its surface: webhook, API, admin (which also covers {@code /metrics}). Others pass.
 * Refusal: {@code 403 IP_NOT_ALLOWED}.
 *
 * <p>Init-params: {@value #WEBHOOK}, {@value #API}, {@value #ADMIN}: comma-separated addresses and CIDRs, or
 * {@code *}; a surface without one is refused for everyone (fail closed).
 */
public final class AllowlistFilter extends HttpFilter {
    public static final String WEBHOOK = "webhook";
    public static final String API = "api";
    public static final String ADMIN = "admin";

    private Map<Surface, Allowlist> allowlists;

    public AllowlistFilter() {
    }

    public AllowlistFilter(Allowlist webhook, Allowlist api, Allowlist admin) {
        this.allowlists = map(webhook, api, admin);
    }

    private static Map<Surface, Allowlist> map(Allowlist webhook, Allowlist api, Allowlist admin) {
        Map<Surface, Allowlist> map = new EnumMap<>(Surface.class);
        map.put(Surface.WEBHOOK, webhook);
        map.put(Surface.API, api);
        map.put(Surface.ADMIN, admin);
        map.put(Surface.METRICS, admin);
        // The sandbox pays and expires CIPs on request: only the shop's machines (the API allowlist) may ask.
        map.put(Surface.SANDBOX, api);
        return map;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (allowlists == null) {
            allowlists = map(parse(config, WEBHOOK), parse(config, API), parse(config, ADMIN));
        }
    }

    private static Allowlist parse(FilterConfig config, String name) throws ServletException {
        try {
            return param(config, name).map(Allowlist::parse).orElse(Allowlist.empty());
        } catch (RuntimeException e) {
            throw invalid(config, name, e);
        }
    }

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Allowlist allowlist = allowlists.get(Surface.of(request));
        if (allowlist != null && !address(request).map(allowlist::contains).orElse(false)) {
            Problems.write(request, response, ErrorCode.IP_NOT_ALLOWED, "this address may not use this endpoint");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<IpAddress> address(HttpServletRequest request) {
        return Clients.of(request).map(c -> c.address()).or(() -> IpAddress.tryParse(request.getRemoteAddr()));
    }
}
