package io.resguardo.web.webhook;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.pagoefectivo.VerifiedNotification;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.NotificationResult;
import io.resguardo.sql.payment.PaymentLedger;
import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.filter.BodyLimitFilter;
import io.resguardo.web.http.Bodies;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.JsonBuilders;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.RequestIds;
import io.resguardo.web.http.StrictJson;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.ops.Metrics;
import jakarta.json.JsonObject;
import io.resguardo.web.http.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /webhooks/pagoefectivo} (CONTRACT sections 2, 3, 6). In this order, each step answering on failure:
 * <ol>
 *   <li>read the raw bytes once, at most the body limit ({@code 413});</li>
 *   <li>verify {@code PE-Signature} over exactly those bytes with any valid key ({@code 401 SIGNATURE_MISSING} /
 *       {@code SIGNATURE_INVALID}, counted toward the client's ban);</li>
 *   <li>parse strictly ({@code 400 MALFORMED_JSON}) and read the fields ({@code 422 VALIDATION_FAILED});</li>
 *   <li>apply through the ledger in one transaction ({@code 503} with Retry-After when the database is down, so
 *       PagoEfectivo's retry lands once it is back);</li>
 *   <li>answer {@code 200 {"status":"ACCEPTED"|"DUPLICATE"}}, or the rejection the ledger recorded
 *       ({@code 404 UNKNOWN_CIP}, {@code 422 AMOUNT_MISMATCH} / {@code CURRENCY_MISMATCH},
 *       {@code 409 INVALID_TRANSITION}), with an alert record: an authentic notification that does not fit the
 *       order means something is wrong on one side. A repeat of a notification gets the first arrival's answer,
 *       with {@code DUPLICATE} for an accepted one.</li>
 * </ol>
 */
public final class NotificationServlet extends Endpoint {
    private static final long serialVersionUID = 1L;

    private final transient NotificationVerifier verifier;
    private final transient PaymentLedger ledger;
    private final transient AbuseGuard guard;
    private final transient StrictJson json = new StrictJson();
    private final transient Redactor redactor;
    private final transient Metrics metrics;
    private final transient SafeLog log;
    private final transient SafeLog alerts;
    private final int maxBodyBytes;

    public NotificationServlet(NotificationVerifier verifier, PaymentLedger ledger, AbuseGuard guard,
                               Redactor redactor, Metrics metrics, int maxBodyBytes) {
        super("POST");
        this.verifier = verifier;
        this.ledger = ledger;
        this.guard = guard;
        this.redactor = redactor;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.log = new SafeLog("io.resguardo.webhook", redactor);
        this.alerts = new SafeLog("io.resguardo.alerts", redactor);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = Bodies.read(request, maxBodyBytes);
        } catch (BodyLimitFilter.BodyTooLargeException | ResguardoException e) {
            BodyLimitFilter.refuse(request, response, maxBodyBytes);
            return;
        }
        VerifiedNotification verified;
        try {
            verified = verifier.verify(body, request.getHeader("PE-Signature"));
        } catch (ResguardoException e) {
            guard.recordFailure(request, e.code());
            metrics.notification("INVALID");
            Problems.write(request, response, e.code(), e.code() == ErrorCode.SIGNATURE_MISSING
                    ? "the PE-Signature header is missing" : "the PE-Signature does not match the body");
            return;
        }
        IncomingNotification notification;
        try {
            JsonObject root = json.object(body);
            String redacted = redactor.redactJson(new String(body, StandardCharsets.UTF_8));
            notification = NotificationReader.read(root, verified.keyId(), redacted);
        } catch (ValidationException e) {
            metrics.notification("INVALID");
            Problems.writeValidation(request, response, e.errors());
            return;
        } catch (ResguardoException e) {
            metrics.notification("INVALID");
            Problems.write(request, response, e.code(), e.getMessage());
            return;
        }
        NotificationResult result;
        try {
            result = ledger.apply(notification);
        } catch (DatabaseUnavailableException e) {
            log.warning("notification not applied, database unavailable: " + e.getMessage());
            Problems.writeRetryAfter(request, response, ErrorCode.SERVICE_UNAVAILABLE,
                    "the notification could not be recorded now; send it again", e.retryAfterSeconds());
            return;
        } catch (DatabaseException e) {
            log.severe("notification not applied: " + e.getMessage());
            Problems.write(request, response, ErrorCode.INTERNAL_ERROR, "the notification could not be recorded");
            return;
        }
        answer(request, response, notification, result);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, IncomingNotification n,
                        NotificationResult result) throws IOException {
        if (result.outcome() == NotificationOutcome.REJECTED) {
            ErrorCode code = result.code().orElseThrow();
            metrics.notification("REJECTED");
            if (!result.repeated()) {
                alerts.warning("ALERT notification_inconsistent code=" + code + " event=" + n.event().eventType()
                        + " cip=" + n.cip() + " operationNumber=" + n.operationNumber() + " keyId=" + n.keyId());
            }
            Problems.write(request, response, code, detail(code));
            return;
        }
        String status = result.repeated() || result.outcome() == NotificationOutcome.DUPLICATE
                ? NotificationOutcome.DUPLICATE.name() : NotificationOutcome.ACCEPTED.name();
        metrics.notification(status);
        JsonAnswers.write(response, HttpServletResponse.SC_OK, JsonBuilders.object()
                .add("status", status).add("requestId", RequestIds.of(request)).build());
    }

    private static String detail(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_CIP -> "no order has this CIP";
            case AMOUNT_MISMATCH -> "the amount differs from the order's";
            case CURRENCY_MISMATCH -> "the currency differs from the order's";
            case INVALID_TRANSITION -> "the order's state does not allow this event";
            default -> code.title();
        };
    }
}
