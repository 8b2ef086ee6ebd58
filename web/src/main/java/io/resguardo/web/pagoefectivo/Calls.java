package io.resguardo.web.pagoefectivo;

import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.PagoEfectivoException.Kind;

import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;

/**
 * The retry loop every call runs through, and the one place that decides what an outcome means:
 * <ul>
 *   <li>2xx: the call's reader.</li>
 *   <li>401 on an authenticated call: the token is dropped and the call repeated once with a fresh one (not counted
 *       as an attempt: PagoEfectivo refused it unread).</li>
 *   <li>429 and 5xx: repeated while attempts remain, after {@code Retry-After} (capped) or a full-jitter backoff,
 *       then {@link Kind#UNAVAILABLE}. For a CIP creation only a 429 or a 5xx with PagoEfectivo's own error body is
 *       repeated (nothing was created); any other 5xx came from something in between and the CIP may exist
 *       ({@link Kind#OUTCOME_UNKNOWN}, never repeated).</li>
 *   <li>No answer: repeated when certainly not sent; when possibly sent, repeated unless the call is a creation,
 *       which becomes {@link CipOutcomeUnknownException}. A server certificate refused is never repeated.</li>
 *   <li>401 again, 403, code 508, or any 4xx of the authorization: {@link Kind#CREDENTIALS}, logged loudly.</li>
 *   <li>Other 4xx: {@link Kind#REJECTED} with our field names.</li>
 * </ul>
 * Each request and answer is logged at FINE with its body masked; each failure once, at INFO (a retry or a refusal
 * of the order), WARNING (given up, outcome unknown) or SEVERE (credentials, certificate).
 */
final class Calls {
    static final String CREDENTIAL_SETTINGS =
            "PAGOEFECTIVO_SERVICE_ID, PAGOEFECTIVO_ACCESS_KEY and PAGOEFECTIVO_SECRET_KEY";
    private static final int MAX_RETRY_AFTER_CHARS = 64;

    private final Transport transport;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Clock clock;
    private final SafeLog log;

    Calls(Transport transport, RetryPolicy policy, Sleeper sleeper, DoubleSupplier jitter, Clock clock, SafeLog log) {
        this.transport = transport;
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Runs {@code call}.
     *
     * @param tokens where tokens come from; unused (may be null) for the authorization itself
     */
    <T> T run(Call<T> call, TokenCache tokens) throws PagoEfectivoException {
        boolean renewed = false;
        int attempt = 1;
        while (true) {
            Token token = call.authenticated() ? tokens.get() : null;
            String body = call.body() == null ? null : call.body().get();
            if (log.isLoggable(Level.FINE)) {
                log.fine("PagoEfectivo request " + call.name() + " (attempt " + attempt + " of "
                        + policy.maxAttempts() + ") body=" + (body == null ? "(none)" : LogView.body(body)));
            }
            long started = clock.millis();
            Response response;
            try {
                response = transport.send(call.method(), call.path(), body, token);
            } catch (SendFailure failure) {
                pause(afterFailure(call, failure, attempt));
                attempt++;
                continue;
            }
            if (log.isLoggable(Level.FINE)) {
                log.fine("PagoEfectivo response " + call.name() + ": HTTP " + response.status() + " in "
                        + (clock.millis() - started) + " ms body=" + LogView.body(response.body()));
            }
            if (response.isSuccess()) {
                return call.reader().read(response);
            }
            Optional<JsonObject> answer = PeJson.object(response.body());
            Optional<String> peCode = answer.flatMap(PeJson::code);
            if (token != null && (response.status() == 401 || peCode.filter(PeErrors.TOKEN_SERVICE_INVALID::equals)
                    .isPresent())) {
                tokens.invalidate(token);
                if (response.status() == 401 && !renewed) {
                    renewed = true;
                    log.info("PagoEfectivo " + call.name() + ": HTTP 401, repeating once with a new token");
                    continue;
                }
            }
            pause(afterStatus(call, response, answer, peCode, attempt));
            attempt++;
        }
    }

    /** The wait before the next attempt after {@code failure}, or throws when there is none. */
    private Duration afterFailure(Call<?> call, SendFailure failure, int attempt) throws PagoEfectivoException {
        String what = "PagoEfectivo " + call.name() + ": no answer (" + failure.getMessage() + ")";
        if (failure.delivery() == Delivery.CERTIFICATE_REJECTED) {
            throw fail(Level.SEVERE, Kind.UNAVAILABLE, what + ": the server certificate is not trusted or not issued"
                    + " for this host name; check PAGOEFECTIVO_BASE_URL and PAGOEFECTIVO_TRUSTSTORE");
        }
        if (failure.delivery() == Delivery.MAYBE_SENT && !call.repeatable()) {
            throw outcomeUnknown(what + " after sending; the CIP may exist, not repeating");
        }
        if (failure.interrupted()) {
            throw fail(Level.WARNING, Kind.UNAVAILABLE, what + ": interrupted");
        }
        return retryOrGiveUp(what, attempt, Optional.empty());
    }

    /** The wait before the next attempt after an unsuccessful status, or throws when there is none. */
    private Duration afterStatus(Call<?> call, Response response, Optional<JsonObject> answer,
                                 Optional<String> peCode, int attempt) throws PagoEfectivoException {
        int status = response.status();
        String what = "PagoEfectivo " + call.name() + ": HTTP " + status + peCode.map(c -> " code " + c).orElse("");
        if (status == 429 || (status >= 500 && status < 600)) {
            if (call.repeatable()) {
                return retryOrGiveUp(what, attempt, retryAfter(response));
            }
            if (status == 429 || peCode.isPresent()) {
                // PagoEfectivo itself said no (busy, or its own error body): nothing was created, so asking again
                // cannot make a second CIP.
                return retryOrGiveUp(what, attempt, retryAfter(response));
            }
            throw outcomeUnknown(what + " not from PagoEfectivo itself; the CIP may exist, not repeating");
        }
        if (status == 401 || status == 403 || peCode.filter(PeErrors.TOKEN_SERVICE_INVALID::equals).isPresent()
                || (call.authorization() && status >= 400 && status < 500)) {
            throw fail(Level.SEVERE, Kind.CREDENTIALS, what + ": PagoEfectivo refused our credentials; check "
                    + CREDENTIAL_SETTINGS + " (and this host's clock: dateRequest is signed)");
        }
        if (status >= 400 && status < 500) {
            PagoEfectivoException rejected = new PagoEfectivoException(Kind.REJECTED, what + ": request refused",
                    PeErrors.fieldErrors(answer, peCode.orElse("")));
            log.info(rejected.getMessage() + " " + rejected.fieldErrors().stream().map(e -> e.field()).toList());
            throw rejected;
        }
        throw fail(Level.WARNING, Kind.UNAVAILABLE, what + ": unexpected answer");
    }

    private Duration retryOrGiveUp(String what, int attempt, Optional<Duration> retryAfter)
            throws PagoEfectivoException {
        if (attempt >= policy.maxAttempts()) {
            throw fail(Level.WARNING, Kind.UNAVAILABLE, what + "; giving up after " + attempt + " attempts");
        }
        Duration delay = retryAfter.map(policy::honour).orElseGet(() -> policy.backoff(attempt, jitter.getAsDouble()));
        log.info(what + "; attempt " + attempt + " of " + policy.maxAttempts() + ", retrying in "
                + delay.toMillis() + " ms");
        return delay;
    }

    private void pause(Duration delay) throws PagoEfectivoException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Level.WARNING, Kind.UNAVAILABLE, "PagoEfectivo call interrupted while waiting to retry");
        }
    }

    /** {@code Retry-After} in whole seconds or as an HTTP date; empty when absent or unreadable. */
    Optional<Duration> retryAfter(Response response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip)
                .filter(text -> !text.isEmpty() && text.length() <= MAX_RETRY_AFTER_CHARS);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String text = header.get();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(text.length() > 9 ? Duration.ofSeconds(999_999_999L)
                    : Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A failure of {@code kind}, logged once at {@code level}. */
    PagoEfectivoException fail(Level level, Kind kind, String message) {
        log.log(level, message);
        return new PagoEfectivoException(kind, message);
    }

    /** An unknown creation outcome, logged once. */
    CipOutcomeUnknownException outcomeUnknown(String message) {
        log.warning(message);
        return new CipOutcomeUnknownException(message);
    }

    SafeLog log() {
        return log;
    }
}
