/**
 * Throttling and banning of clients (CONTRACT.md sections 6 and 7).
 *
 * <ul>
 *   <li>{@link io.resguardo.core.throttle.KeyedThrottle}: a token bucket per client key, in integer arithmetic,
 *       with a hard cap on tracked keys that fails closed ({@code RESGUARDO_RATE_LIMIT_API},
 *       {@code RESGUARDO_RATE_LIMIT_WEBHOOK}; code {@code RATE_LIMITED}).</li>
 *   <li>{@link io.resguardo.core.throttle.FailureTracker}: blocks a client after repeated authentication failures
 *       ({@code RESGUARDO_BAN_*}; code {@code CLIENT_BLOCKED}).</li>
 *   <li>{@link io.resguardo.core.throttle.AddressKeys}: the client key of an address, IPv6 by its /64.</li>
 *   <li>{@link io.resguardo.core.throttle.Rate}: the {@code 20/s,burst=40} setting.</li>
 * </ul>
 *
 * <p>Intended order on a request: {@code tracker.check(address)} (a blocked client costs nothing more), then
 * {@code throttle.acquire(key)} with the address key (or the key id once authenticated), then verification; a
 * rejection whose {@link io.resguardo.core.ErrorCode#countsTowardBan()} is true is reported with
 * {@code tracker.recordFailure(address)}. Both refusals are
 * {@link io.resguardo.core.throttle.RateLimitedException}: 429 with {@code Retry-After} in whole seconds, at least 1.
 *
 * <p>Everything here takes time from an injected monotonic nanosecond ticker ({@code System::nanoTime} in
 * production), keeps no static mutable state and needs no background thread.
 */
package io.resguardo.core.throttle;
