package io.resguardo.web.http;

import io.resguardo.core.allowlist.ResolvedClient;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The client as the HTTPS filter resolved it (behind trusted proxies only), kept on the request. */
public final class Clients {
    /** The request attribute holding the {@link ResolvedClient}. */
    public static final String ATTRIBUTE = "io.resguardo.client";

    private Clients() {
    }

    public static Optional<ResolvedClient> of(HttpServletRequest request) {
        Object client = request.getAttribute(ATTRIBUTE);
        return client instanceof ResolvedClient c ? Optional.of(c) : Optional.empty();
    }

    /** The client address for logs: the resolved one, else the connection's peer. */
    public static String addressOf(HttpServletRequest request) {
        return of(request).map(c -> c.address().toString()).orElse(request.getRemoteAddr());
    }
}
