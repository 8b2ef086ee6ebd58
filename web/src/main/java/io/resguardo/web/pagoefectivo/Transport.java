package io.resguardo.web.pagoefectivo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with PagoEfectivo: the headers of CONTRACT.md section 2, a bounded body, and a deadline for the
 * whole exchange. {@link HttpRequest#timeout()} alone stops at the response headers; the deadline also covers a body
 * that stalls. Thread-safe ({@link HttpClient} is).
 */
final class Transport {
    /** Far above any answer of this API; a larger one is treated as a failed exchange. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient http;
    private final String base;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final Clock clock;
    private final AtomicReference<ClockReading> lastReading = new AtomicReference<>();

    /** Our clock minus PagoEfectivo's {@code Date} header, and when we read it. */
    record ClockReading(Duration offset, Instant at) {
    }

    Transport(HttpClient http, String base, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = http;
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.deadline = connectTimeout.plus(requestTimeout);
        this.clock = clock;
    }

    /** The latest clock reading taken from an answer's {@code Date} header, if any. */
    Optional<ClockReading> lastClockReading() {
        return Optional.ofNullable(lastReading.get());
    }

    /** {@code Date} has whole seconds: the offset is good to about a second, enough for a 5-minute check. */
    private void readClock(HttpHeaders headers) {
        Optional<String> date = headers.firstValue("Date");
        if (date.isEmpty()) {
            return;
        }
        try {
            Instant theirs = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant ours = clock.instant();
            lastReading.set(new ClockReading(Duration.between(theirs, ours), ours));
        } catch (DateTimeParseException e) {
            // A Date header we cannot read tells us nothing about the clocks.
        }
    }

    /**
     * @param body  JSON, or {@code null} for none
     * @param token the bearer token, or {@code null} for the authorization call
     * @throws SendFailure when no HTTP answer came back
     */
    Response send(String method, String path, String body, Token token) throws SendFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Accept-Language", "es-PE")
                .header("Origin", "web");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request.build(), BoundedBody.handler(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            readClock(response.headers());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers());
        } catch (ExecutionException e) {
            throw SendFailure.of(unwrap(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SendFailure(Delivery.MAYBE_SENT, "no complete answer within " + deadline.toMillis() + " ms",
                    false);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SendFailure(Delivery.MAYBE_SENT, "interrupted", true);
        }
    }

    private static Throwable unwrap(Throwable cause) {
        Throwable current = cause;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
