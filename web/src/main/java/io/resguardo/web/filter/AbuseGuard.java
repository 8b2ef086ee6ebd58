package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.allowlist.IpAddress;
import io.resguardo.core.throttle.ActiveBlock;
import io.resguardo.core.throttle.AddressKey;
import io.resguardo.core.throttle.AddressKeys;
import io.resguardo.core.throttle.FailureTracker;
import io.resguardo.core.throttle.KeyedThrottle;
import io.resguardo.core.throttle.Rate;
import io.resguardo.core.throttle.RateLimitedException;
import io.resguardo.web.http.Clients;
import io.resguardo.web.http.Surface;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Throttling and bans for one node, keyed by client address (an IPv6 client by its /64): a token bucket per
 * surface (webhook, API), and a ban after repeated authentication failures that covers both surfaces (CONTRACT
 * section 6, {@code CLIENT_BLOCKED}). Servlets report failures with {@link #recordFailure}; the ban and throttle
 * filters consult it. Shared through the servlet context attribute {@value #ATTRIBUTE}.
 *
 * <p>Limits are per node: behind a load balancer spreading over N nodes, a client gets up to N times the rate
 * (README, "Throttling behind a load balancer").
 */
public final class AbuseGuard {
    /** The servlet context attribute holding the node's guard. */
    public static final String ATTRIBUTE = "io.resguardo.abuseGuard";

    /** The most client addresses tracked at once per bucket or ban table: memory stays bounded under a flood. */
    static final int MAX_KEYS = 100_000;

    private final AddressKeys keys = AddressKeys.byIpv6Slash64();
    private final FailureTracker<AddressKey> failures;
    private final Map<Surface, KeyedThrottle<AddressKey>> throttles = new EnumMap<>(Surface.class);
    private final KeyedThrottle<String> apiKeys;

    public AbuseGuard(Rate webhook, Rate api, int banAfterFailures, Duration banWindow, Duration banDuration,
                      LongSupplier nanoTicker) {
        this.failures = new FailureTracker<>(banAfterFailures, banWindow, banDuration, MAX_KEYS, nanoTicker);
        throttles.put(Surface.WEBHOOK, new KeyedThrottle<>(webhook, MAX_KEYS, Duration.ofMinutes(10), nanoTicker));
        throttles.put(Surface.API, new KeyedThrottle<>(api, MAX_KEYS, Duration.ofMinutes(10), nanoTicker));
        this.apiKeys = new KeyedThrottle<>(api, MAX_KEYS, Duration.ofMinutes(10), nanoTicker);
    }

    /**
     * The shop API's bucket per key id, taken once the signature verified (an unverified key id could drain a
     * real shop's bucket).
     *
     * @throws RateLimitedException {@code RATE_LIMITED}
     */
    public void acquireForKey(String keyId) throws RateLimitedException {
        apiKeys.acquire(keyId);
    }

    /** Counts an authentication failure (a code for which {@link ErrorCode#countsTowardBan()}) of the client. */
    public void recordFailure(HttpServletRequest request, ErrorCode code) {
        if (code.countsTowardBan()) {
            key(request).ifPresent(failures::recordFailure);
        }
    }

    /** @throws RateLimitedException {@code CLIENT_BLOCKED} while the client is banned */
    void checkBan(HttpServletRequest request) throws RateLimitedException {
        Optional<AddressKey> key = key(request);
        if (key.isPresent()) {
            failures.check(key.get());
        }
    }

    /** @throws RateLimitedException {@code RATE_LIMITED} when the surface's bucket for this client is empty */
    void acquire(HttpServletRequest request, Surface surface) throws RateLimitedException {
        KeyedThrottle<AddressKey> throttle = throttles.get(surface);
        Optional<AddressKey> key = key(request);
        if (throttle != null && key.isPresent()) {
            throttle.acquire(key.get());
        }
    }

    /** The bans in force, for the dashboard. */
    public List<ActiveBlock<AddressKey>> activeBans() {
        return failures.activeBlocks();
    }

    private Optional<AddressKey> key(HttpServletRequest request) {
        Optional<IpAddress> address = Clients.of(request).map(c -> c.address())
                .or(() -> IpAddress.tryParse(request.getRemoteAddr()));
        return address.map(a -> keys.keyOf(a.toBytes()));
    }

    /** The node's guard from the servlet context, if a bootstrap or a {@link BanFilter} put one there. */
    public static Optional<AbuseGuard> of(jakarta.servlet.ServletContext context) {
        Object guard = context.getAttribute(ATTRIBUTE);
        return guard instanceof AbuseGuard g ? Optional.of(g) : Optional.empty();
    }

    /** The CONTRACT section 7 defaults, for filters used standalone. */
    static AbuseGuard defaults() {
        return new AbuseGuard(Rate.DEFAULT_WEBHOOK, Rate.DEFAULT_API, 10, FailureTracker.DEFAULT_WINDOW,
                FailureTracker.DEFAULT_BAN_DURATION, System::nanoTime);
    }
}
