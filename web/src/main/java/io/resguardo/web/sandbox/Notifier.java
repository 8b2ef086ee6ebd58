package io.resguardo.web.sandbox;

import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.web.log.SafeLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends PagoEfectivo notifications (CONTRACT section 2) to the webhook URL, on the caller's scheduler.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The body is serialized once; every attempt and every copy sends exactly those bytes with the same
 *       {@code PE-Signature}, the lowercase hex HMAC-SHA256 of the current secret key (or of a random key under the
 *       {@code wrongSignature} fault).</li>
 *   <li>HTTPS offers TLSv1.3 and TLSv1.2 only, verifies the host name, and trusts the given trust store or else the
 *       JVM's; nothing here trusts every certificate. Redirects are not followed.</li>
 *   <li>An attempt that gets no answer, a 5xx, a 429 or a 3xx is retried after {@link SandboxOptions#retryDelay};
 *       a 2xx ends the delivery; any other 4xx is final (Resguardo's {@code 404 UNKNOWN_CIP} or
 *       {@code 409 INVALID_TRANSITION} will not change by asking again). {@code Retry-After} is not honoured: the
 *       backoff is the sandbox's own.</li>
 *   <li>Attempts run on the scheduler (one blocking send each), never on the request thread; a scheduler that has
 *       been shut down ends pending deliveries as {@code ABANDONED}.</li>
 *   <li>The log names the event, CIP, attempts and HTTP status, never the signature or the key.</li>
 * </ul>
 */
final class Notifier {
    private final SandboxWebhook webhook;
    private final KeyRing secretKeys;
    private final ScheduledExecutorService scheduler;
    private final SandboxOptions options;
    private final SafeLog log;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong operations = new AtomicLong(100_000_000L + random.nextInt(400_000_000));
    private final Map<String, List<Delivery>> byCip = new ConcurrentHashMap<>();

    Notifier(SandboxWebhook webhook, KeyRing secretKeys, ScheduledExecutorService scheduler,
             SandboxOptions options, SafeLog log) {
        this.webhook = webhook;
        this.secretKeys = secretKeys;
        this.scheduler = scheduler;
        this.options = options;
        this.log = log;
    }

    /** A new operation number: digits, unique within this sandbox. */
    String nextOperationNumber() {
        return Long.toString(operations.incrementAndGet());
    }

    /**
     * Schedules the notification of {@code eventType} for {@code cip}, under the faults in force now.
     *
     * @return one delivery per copy sent (none sent: one {@code DROPPED})
     */
    List<Delivery> notify(String eventType, String operationNumber, Cip cip, Instant at, FaultSettings faults) {
        byte[] body = body(eventType, operationNumber, cip, at);
        List<Delivery> deliveries = new ArrayList<>();
        if (faults.dropNotifications()) {
            deliveries.add(new Delivery(eventType, operationNumber, 1, !faults.wrongSignature(),
                    Delivery.Outcome.DROPPED));
            log.info("sandbox notification " + eventType + " cip=" + cip.number() + " dropped (fault)");
        } else {
            String signature = faults.wrongSignature() ? randomKeySignature(body)
                    : NotificationVerifier.sign(secretKeys, body);
            Outgoing request = new Outgoing(body, signature);
            for (int copy = 1; copy <= faults.notificationCopies(); copy++) {
                deliveries.add(new Delivery(eventType, operationNumber, copy, !faults.wrongSignature(),
                        Delivery.Outcome.SCHEDULED));
            }
            record(cip, deliveries);
            deliveries.forEach(delivery -> schedule(delivery, request, cip.number(), 0));
            return deliveries;
        }
        record(cip, deliveries);
        return deliveries;
    }

    private void record(Cip cip, List<Delivery> deliveries) {
        byCip.computeIfAbsent(cip.number(), k -> new CopyOnWriteArrayList<>()).addAll(deliveries);
    }

    /** Every delivery for {@code cip}, oldest first. */
    List<Delivery> deliveries(String cip) {
        return List.copyOf(byCip.getOrDefault(cip, List.of()));
    }

    static byte[] body(String eventType, String operationNumber, Cip cip, Instant at) {
        JsonObject body = Json.createObjectBuilder()
                .add("eventType", eventType)
                .add("operationNumber", operationNumber)
                .add("data", Json.createObjectBuilder()
                        .add("cip", cip.number())
                        .add("currency", cip.currency())
                        .add("amount", cip.amount())
                        .add("paymentDate", Authorizations.lima(at))
                        .add("transactionCode", cip.transactionCode()))
                .build();
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void schedule(Delivery delivery, Outgoing request, String cip, long delayMillis) {
        try {
            scheduler.schedule(() -> attempt(delivery, request, cip), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            finish(delivery, cip, Delivery.Outcome.ABANDONED);
        }
    }

    private void attempt(Delivery delivery, Outgoing request, String cip) {
        int status;
        String error = "";
        try {
            status = webhook.deliver(request.body(), request.signature());
        } catch (IOException e) {
            status = 0;
            error = chain(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(delivery, cip, Delivery.Outcome.ABANDONED);
            return;
        }
        int attempts = delivery.attempted(status, error);
        if (status >= 200 && status < 300) {
            finish(delivery, cip, Delivery.Outcome.DELIVERED);
        } else if (status >= 400 && status < 500 && status != 429) {
            finish(delivery, cip, Delivery.Outcome.REJECTED);
        } else if (attempts >= options.deliveryAttempts()) {
            finish(delivery, cip, Delivery.Outcome.GAVE_UP);
        } else {
            schedule(delivery, request, cip, options.retryDelay(attempts + 1).toMillis());
        }
    }

    private void finish(Delivery delivery, String cip, Delivery.Outcome outcome) {
        delivery.finish(outcome);
        String message = "sandbox notification " + delivery.eventType() + " cip=" + cip + " copy="
                + delivery.copy() + ": " + outcome + " after " + delivery.attempts() + " attempt(s), last HTTP status "
                + (delivery.lastStatus() == 0 ? "none (" + delivery.lastError() + ")"
                : Integer.toString(delivery.lastStatus()));
        if (outcome == Delivery.Outcome.DELIVERED) {
            log.info(message);
        } else {
            log.warning(message);
        }
    }

    /**
     * The class names of {@code thrown} and its causes ({@code SSLHandshakeException < CertificateException}), which
     * tell a refused connection from a timeout, an untrusted certificate or a host-name mismatch without quoting
     * any message.
     */
    static String chain(Throwable thrown) {
        StringBuilder names = new StringBuilder();
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            names.append(depth == 0 ? "" : " < ").append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }

    private String randomKeySignature(byte[] body) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides HmacSHA256", e);
        }
    }

    /** The bytes and signature every attempt of one notification sends. */
    private record Outgoing(byte[] body, String signature) {
    }
}
