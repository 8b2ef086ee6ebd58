package io.resguardo.web.alert;

import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.web.callback.CallbackTls;
import io.resguardo.web.log.SafeLog;
import jakarta.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Posts each alert to {@code RESGUARDO_ALERT_WEBHOOK_URL}, signed as Standard Webhooks with the shop webhook secret
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}); body
 * {@code {"type":"alert.<kind>","timestamp","data":{"kind","value","rule","meaning"}}}. One attempt, 10 s, on the
 * given executor, never on the caller's thread; the shop callbacks' TLS and URL rules ({@link CallbackTls}, JVM
 * trust).
 */
public final class AlertWebhook implements Consumer<AlertMonitor.Alert> {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final StandardWebhooks signer;
    private final Clock clock;
    private final Executor executor;
    private final SafeLog log;
    private final HttpClient client;
    private final SecureRandom random = new SecureRandom();

    public AlertWebhook(URI url, WebhookSecret secret, Clock clock, Executor executor, SafeLog log) {
        this.url = CallbackTls.checkedUrl(Objects.requireNonNull(url, "url"), "RESGUARDO_ALERT_WEBHOOK_URL");
        this.signer = StandardWebhooks.of(Objects.requireNonNull(secret, "secret"), clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.log = Objects.requireNonNull(log, "log");
        this.client = CallbackTls.client(Optional.empty(), TIMEOUT);
    }

    @Override
    public void accept(AlertMonitor.Alert alert) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String msgId = "alert_" + HexFormat.of().formatHex(id);
        byte[] body = Json.createObjectBuilder()
                .add("type", "alert." + alert.kind().label())
                .add("timestamp", alert.at().toString())
                .add("data", Json.createObjectBuilder()
                        .add("kind", alert.kind().label())
                        .add("value", alert.value())
                        .add("rule", alert.rule())
                        .add("meaning", alert.meaning()))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(StandardWebhooks.HEADER_ID, msgId)
                .header(StandardWebhooks.HEADER_TIMESTAMP, Long.toString(timestamp))
                .header(StandardWebhooks.HEADER_SIGNATURE, signer.sign(msgId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        executor.execute(() -> {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 200 || status >= 300) {
                    log.warning("alert " + alert.kind().label() + " POST answered HTTP " + status);
                }
            } catch (java.io.IOException e) {
                log.warning("alert " + alert.kind().label() + " POST failed: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
