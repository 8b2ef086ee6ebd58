/**
 * Callbacks to the shop (CONTRACT section 5): {@link io.resguardo.web.callback.ShopCallbacks} drains the sql
 * outbox into signed Standard Webhooks {@code POST}s.
 *
 * <p>Choices:
 * <ul>
 *   <li>One pass claims up to 32 due events with a 1-minute lease and sends them concurrently (the outbox hands out
 *       at most one event per order, so order per order holds); each answer is awaited at most 20 s (connect 5 s,
 *       headers 10 s, the rest for the body, which is discarded), inside the lease. Passes run one second apart
 *       ({@code scheduleWithFixedDelay}), so an order's next event goes out at the earliest one pass later. A payment
 *       the webhook just recorded also wakes a pass at once ({@code ShopCallbacks.wake}), so its event does not wait
 *       for the tick.</li>
 *   <li>Only a 2xx settles an event. Every other outcome, 4xx included, is retried: a shop answering 400 or 404 is
 *       more likely misconfigured or mid-deploy than permanently refusing, and 24 h of retries is what the contract
 *       promises. Redirects are not followed (a 3xx is a failure): the signature is for the configured URL.</li>
 *   <li>Backoff: full jitter, {@code random(0, min(1 h, 5 s * 2^(attempts-1)))}, attempts counted by the outbox
 *       (each claim is one). Once a failure happens 24 h or more after the event was created, the event becomes
 *       {@code DEAD} (the admin can redeliver it); so retries always cover at least 24 h.</li>
 *   <li>The stored error is {@code HTTP <status>} or the exception class chain
 *       ({@code SSLHandshakeException < ValidatorException}); the answer's body is never read.</li>
 *   <li>{@code webhook-timestamp} is the time of each attempt (receivers check it against a window); the id and the
 *       body bytes never change between attempts.</li>
 *   <li>Logging: the first failure of a streak is one WARNING (with the first reason); the streak's end is one
 *       INFO with the number of failed attempts and of events given up; each attempt is FINE. The outbox's dead
 *       count is the metric to alert on.</li>
 *   <li>TLS: TLSv1.3/1.2, host name verification always on (the JVM switch that disables it is refused at
 *       construction), an optional trust store for a self-signed shop; plain HTTP only to a loopback host.</li>
 * </ul>
 */
package io.resguardo.web.callback;
