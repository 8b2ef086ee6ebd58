package io.resguardo.web.api;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.allowlist.ResolvedClient;
import io.resguardo.core.signature.HttpRequestView;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.VerifiedSignature;
import io.resguardo.web.http.Clients;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a shop request's RFC 9421 signature (CONTRACT section 4) through core's verifier with the shop API
 * policy. {@code "@target-uri"} is rebuilt from the scheme and host the client used: the connection's, or what a
 * trusted proxy forwarded (resolved by the HTTPS filter); the path and query exactly as sent, still encoded.
 */
final class ShopAuthenticator {
    private final MessageSignatureVerifier verifier;

    ShopAuthenticator(MessageSignatureVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** @throws ResguardoException the 401 codes of CONTRACT section 6, or {@code SERVICE_UNAVAILABLE} (nonces) */
    VerifiedSignature verify(HttpServletRequest request, byte[] body) throws ResguardoException {
        Optional<ResolvedClient> client = Clients.of(request);
        String scheme = client.map(c -> c.secure() ? "https" : "http").orElse(request.getScheme());
        String authority = client.flatMap(ResolvedClient::forwardedHost).orElseGet(() -> host(request));
        HttpRequestView.Builder view = HttpRequestView.builder(request.getMethod(), scheme, authority,
                request.getRequestURI(), request.getQueryString());
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                view.header(name, value);
            }
        }
        return verifier.verify(view.body(body).build());
    }

    /**
     * The URL the client reached this deployment at, {@code scheme://authority/context}, by the same rules as
     * {@code "@target-uri"}; the connector's own name and port when the Host header does not make a URI.
     */
    static URI deploymentBase(HttpServletRequest request) {
        Optional<ResolvedClient> client = Clients.of(request);
        String scheme = client.map(c -> c.secure() ? "https" : "http").orElse(request.getScheme());
        String authority = client.flatMap(ResolvedClient::forwardedHost).orElseGet(() -> host(request));
        try {
            URI base = new URI(scheme + "://" + authority + request.getContextPath());
            if (base.getHost() != null && base.getRawQuery() == null && base.getRawFragment() == null) {
                return base;
            }
        } catch (URISyntaxException e) {
            // fall through: a Host header that is no authority
        }
        return URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath());
    }

    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null ? host : request.getServerName() + ":" + request.getServerPort();
    }
}
