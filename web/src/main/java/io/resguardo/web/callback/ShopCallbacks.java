package io.resguardo.web.callback;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.sql.outbox.Outbox;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.web.log.SafeLog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Delivers the outbox's shop events to the shop's webhook URL as Standard Webhooks (CONTRACT section 5), at least
 * once.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Each event is sent with exactly the body stored in the outbox, {@code Content-Type: application/json},
 *       {@code webhook-id} = the event id (the same on every retry), {@code webhook-timestamp} = now in Unix seconds
 *       and {@code webhook-signature} = {@code v1,<base64 HMAC-SHA256>} over {@code id.timestamp.body}.</li>
 *   <li>A 2xx settles the event as delivered. Anything else (another status, a redirect, a timeout, a refused
 *       connection, a TLS failure) schedules another attempt after an exponential backoff with full jitter (base
 *       5 s, doubling, capped at 1 h); once the retries have covered 24 hours since the event was created, the
 *       event is given up ({@code DEAD}). The stored error is short: the HTTP status or the exception class names,
 *       never the answer's body.</li>
 *   <li>An order's events reach the shop in order: the outbox hands out one event per order at a time, and an
 *       order's next event is only claimed after the previous one settled. Events of different orders are sent
 *       concurrently within one pass.</li>
 *   <li>HTTPS offers TLSv1.3 and TLSv1.2 only and verifies host names; certificates are checked against the given
 *       trust store, or else the JVM's. Nothing trusts every certificate. Plain HTTP is accepted only to a loopback
 *       host. Connections time out after 5 s, answers after 10 s.</li>
 *   <li>The log never holds the secret or a signature. A failure streak logs one WARNING when it starts and one
 *       INFO when a pass delivers again without failures; single attempts are logged at FINE.</li>
 * </ul>
 *
 * <p>Thread-safe: concurrent passes (threads or nodes) claim disjoint events.
 */
public final class ShopCallbacks {
    /** Events claimed per pass. */
    static final int BATCH = 32;
    /** Long enough for one pass's concurrent sends to finish and settle: see {@link #ANSWER_DEADLINE}. */
    static final Duration LEASE = Duration.ofMinutes(1);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The longest a pass waits for one answer, body included (the request timeout only covers the headers), well
     * inside the lease so that no other deliverer takes an event over while it is still being sent.
     */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(20);
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int MAX_OWNER_LENGTH = 80;

    private final Outbox outbox;
    private final URI shopUrl;
    private final StandardWebhooks signer;
    private final Clock clock;
    private final String nodeId;
    private final Backoff backoff;
    private final SafeLog log;
    private final HttpClient client;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong streakFailures = new AtomicLong();
    private final AtomicLong streakGivenUp = new AtomicLong();
    private final AtomicReference<ScheduledFuture<?>> schedule = new AtomicReference<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    /**
     * @param shopUrl    absolute {@code https} URL ({@code http} only to a loopback host)
     * @param trustStore certificates to trust (a self-signed shop endpoint); empty for the JVM's trust
     * @param nodeId     this deliverer's lease owner name, 1 to 80 characters, unique among nodes
     * @param jitter     values in [0, 1] (others are clamped), uniformly random in production
     * @throws InvalidConfigurationException on a URL that is not acceptable or an unusable trust store
     */
    public ShopCallbacks(Outbox outbox, URI shopUrl, WebhookSecret secret, Optional<KeyStore> trustStore,
                         Clock clock, String nodeId, DoubleSupplier jitter, SafeLog log) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.shopUrl = CallbackTls.checkedUrl(Objects.requireNonNull(shopUrl, "shopUrl"),
                "RESGUARDO_SHOP_WEBHOOK_URL");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = StandardWebhooks.of(Objects.requireNonNull(secret, "secret"), clock);
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("nodeId must be 1 to " + MAX_OWNER_LENGTH + " characters");
        }
        this.backoff = new Backoff(Objects.requireNonNull(jitter, "jitter"));
        this.log = Objects.requireNonNull(log, "log");
        this.client = CallbackTls.client(Objects.requireNonNull(trustStore, "trustStore"), CONNECT_TIMEOUT);
    }

    /**
     * One pass: claims up to {@value #BATCH} due events, sends them (concurrently, one per order at most) and
     * settles each. Blocks until every answer arrived or timed out.
     *
     * @return how many events the shop acknowledged with a 2xx in this pass
     * @throws io.resguardo.sql.DatabaseException when the outbox cannot be read or written (unsettled events are
     *                                            claimed again once their lease lapses)
     */
    public int deliverDue() {
        List<OutboxEvent> events = outbox.claimDue(nodeId, LEASE, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Integer>> answers = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            answers.add(send(event));
        }
        int delivered = 0;
        int failed = 0;
        String firstFailure = null;
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            String failure = failureOf(answers.get(i));
            if (failure == null) {
                delivered++;
                settleDelivered(event);
            } else {
                failed++;
                firstFailure = firstFailure == null ? failure + " (event " + event.eventId() + ")" : firstFailure;
                settleFailed(event, failure);
            }
        }
        if (failed > 0) {
            failures(failed, firstFailure);
        } else {
            recovered();
        }
        return delivered;
    }

    private CompletableFuture<Integer> send(OutboxEvent event) {
        byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(shopUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(StandardWebhooks.HEADER_ID, event.eventId())
                .header(StandardWebhooks.HEADER_TIMESTAMP, Long.toString(timestamp))
                .header(StandardWebhooks.HEADER_SIGNATURE, signer.sign(event.eventId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .orTimeout(ANSWER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null for a 2xx; otherwise a short reason without any of the answer's content. */
    private static String failureOf(CompletableFuture<Integer> answer) {
        try {
            int status = answer.get();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (ExecutionException e) {
            return chain(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return "interrupted";
        }
    }

    /**
     * The class names of {@code thrown} and its causes ({@code SSLHandshakeException < CertificateException}): they
     * tell a refused connection from a timeout or an untrusted certificate without quoting any message.
     */
    static String chain(Throwable thrown) {
        StringBuilder names = new StringBuilder();
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            names.append(depth == 0 ? "" : " < ").append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }

    private void settleDelivered(OutboxEvent event) {
        boolean settled = outbox.markDelivered(event.id(), nodeId);
        log.fine("shop callback " + event.eventType() + " " + event.eventId() + " for " + event.transactionCode()
                + " delivered" + (settled ? "" : " (lease lost, the event may be sent again)"));
    }

    private void settleFailed(OutboxEvent event, String failure) {
        Instant now = clock.instant();
        Optional<Instant> next = backoff.next(event.createdAt(), event.attempts(), now);
        boolean settled = outbox.markFailed(event.id(), nodeId, failure, next);
        if (next.isEmpty() && settled) {
            streakGivenUp.incrementAndGet();
        }
        log.fine("shop callback " + event.eventType() + " " + event.eventId() + " for " + event.transactionCode()
                + " attempt " + event.attempts() + " failed: " + failure
                + next.map(at -> ", next attempt at " + at).orElse(", given up after 24 h of retries (DEAD)")
                + (settled ? "" : " (lease lost)"));
    }

    private void failures(int count, String firstFailure) {
        streakFailures.addAndGet(count);
        if (failing.compareAndSet(false, true)) {
            log.warning("shop callbacks to " + shopUrl.getHost() + " are failing: " + firstFailure
                    + "; retrying with backoff, further failures are logged at FINE until a delivery succeeds");
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("shop callbacks to " + shopUrl.getHost() + " delivered again after "
                    + streakFailures.getAndSet(0) + " failed attempt(s); " + streakGivenUp.getAndSet(0)
                    + " event(s) were given up meanwhile");
        }
    }

    /**
     * Runs {@link #deliverDue()} every second on {@code scheduler} (the next pass starts a second after the previous
     * one ended). A failing pass (database down, for instance) is logged as part of the failure streak and never
     * stops the schedule.
     *
     * @throws IllegalStateException when already started
     */
    public void start(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        synchronized (schedule) {
            if (schedule.get() != null) {
                throw new IllegalStateException("shop callbacks are already started");
            }
            executor = scheduler;
            schedule.set(scheduler.scheduleWithFixedDelay(this::pass, PERIOD.toMillis(), PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Asks for a pass now, without waiting for the next tick: called when a shop event was just committed, so the
     * shop hears of a payment within milliseconds rather than up to a second later. At most one such extra pass is
     * queued at a time; passes running together are safe (each event is leased to one of them).
     */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running == null || schedule.get() == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakePending.set(false);
                pass();
            });
        } catch (RejectedExecutionException e) {
            wakePending.set(false);
        }
    }

    /** Stops the schedule; a pass under way finishes settling its events. Idempotent. */
    public void stop() {
        ScheduledFuture<?> running = schedule.getAndSet(null);
        if (running != null) {
            running.cancel(false);
        }
    }

    private void pass() {
        try {
            deliverDue();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // An exception escaping here would silently cancel every later pass.
            failures(1, "the pass itself failed (" + chain(e) + ")");
        }
    }
}
