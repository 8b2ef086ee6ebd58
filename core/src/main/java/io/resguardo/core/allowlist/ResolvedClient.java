package io.resguardo.core.allowlist;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, as far as the connection and trusted proxies tell: what {@link ClientAddressResolver}
 * established.
 *
 * @param address the client address: the connection peer, or the first untrusted hop behind trusted proxies
 * @param secure whether the client used HTTPS: the connection's own security, or what trusted proxies reported
 *     (unanimously) about the client's connection
 * @param viaTrustedProxy whether the connection peer is a trusted proxy, so that forwarding headers were honoured
 * @param forwardedHost the host (with optional port) the client asked for, as reported by trusted proxies
 *     ({@code Forwarded: host=} or {@code X-Forwarded-Host}); empty when not reported, not trusted, malformed or
 *     contradictory, in which case the request's own {@code Host} header applies; in lower case
 */
public record ResolvedClient(IpAddress address, boolean secure, boolean viaTrustedProxy,
                             Optional<String> forwardedHost) {
    public ResolvedClient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwardedHost, "forwardedHost");
    }
}
