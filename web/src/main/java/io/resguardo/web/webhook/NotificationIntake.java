package io.resguardo.web.webhook;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.pagoefectivo.VerifiedNotification;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.NotificationResult;
import io.resguardo.sql.payment.PaymentLedger;
import io.resguardo.web.http.StrictJson;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.ops.Metrics;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What happens to a PagoEfectivo notification once its bytes are in hand, whoever carried them: the webhook
 * endpoint, or the built-in sandbox handing its own signed notifications over inside the WAR. Verify
 * {@code PE-Signature} over exactly those bytes with any valid key, parse strictly, read the fields, apply through
 * the ledger in one transaction, count the result and raise the alert record for an authentic notification that
 * does not fit its order. Thread-safe.
 */
public final class NotificationIntake {
    private final NotificationVerifier verifier;
    private final PaymentLedger ledger;
    private final StrictJson json = new StrictJson();
    private final Redactor redactor;
    private final Metrics metrics;
    private final SafeLog log;
    private final SafeLog alerts;
    private final Runnable onAccepted;

    /** @param onAccepted told after a notification moved an order (a shop event is waiting): wakes the callbacks */
    public NotificationIntake(NotificationVerifier verifier, PaymentLedger ledger, Redactor redactor,
                              Metrics metrics, Runnable onAccepted) {
        this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.log = new SafeLog("io.resguardo.webhook", redactor);
        this.alerts = new SafeLog("io.resguardo.alerts", redactor);
    }

    /** How a notification was received: the HTTP answer it earns (CONTRACT section 6). */
    public record Receipt(int status, ErrorCode code, String outcome, String detail, List<FieldError> errors,
                          int retryAfterSeconds) {
        public Receipt {
            errors = List.copyOf(errors);
        }

        static Receipt ok(String outcome) {
            return new Receipt(200, null, outcome, "", List.of(), 0);
        }

        static Receipt refused(ErrorCode code, String detail) {
            return new Receipt(code.httpStatus(), code, "", detail, List.of(), 0);
        }

        /** True for a 2xx: recorded, accepted or duplicate. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** True when the signature was missing or wrong: counts toward the sender's ban. */
        public boolean authenticationFailed() {
            return code == ErrorCode.SIGNATURE_MISSING || code == ErrorCode.SIGNATURE_INVALID;
        }
    }

    /** Receives one notification; never throws for anything the sender or the database did. */
    public Receipt receive(byte[] body, String signatureHeader) {
        VerifiedNotification verified;
        try {
            verified = verifier.verify(body, signatureHeader);
        } catch (ResguardoException e) {
            metrics.notification("INVALID");
            return Receipt.refused(e.code(), e.code() == ErrorCode.SIGNATURE_MISSING
                    ? "the PE-Signature header is missing" : "the PE-Signature does not match the body");
        }
        IncomingNotification notification;
        try {
            JsonObject root = json.object(body);
            String redacted = redactor.redactJson(new String(body, StandardCharsets.UTF_8));
            notification = NotificationReader.read(root, verified.keyId(), redacted);
        } catch (ValidationException e) {
            metrics.notification("INVALID");
            return new Receipt(422, ErrorCode.VALIDATION_FAILED, "", "the notification has invalid fields",
                    e.errors(), 0);
        } catch (ResguardoException e) {
            metrics.notification("INVALID");
            return Receipt.refused(e.code(), e.getMessage());
        }
        NotificationResult result;
        try {
            result = ledger.apply(notification);
        } catch (DatabaseUnavailableException e) {
            log.warning("notification not applied, database unavailable: " + e.getMessage());
            return new Receipt(503, ErrorCode.SERVICE_UNAVAILABLE, "",
                    "the notification could not be recorded now; send it again", List.of(), e.retryAfterSeconds());
        } catch (DatabaseException e) {
            log.severe("notification not applied: " + e.getMessage());
            return Receipt.refused(ErrorCode.INTERNAL_ERROR, "the notification could not be recorded");
        }
        if (result.outcome() == NotificationOutcome.REJECTED) {
            ErrorCode code = result.code().orElseThrow();
            metrics.notification("REJECTED");
            if (!result.repeated()) {
                alerts.warning("ALERT notification_inconsistent code=" + code + " event="
                        + notification.event().eventType() + " cip=" + notification.cip() + " operationNumber="
                        + notification.operationNumber() + " keyId=" + notification.keyId());
            }
            return Receipt.refused(code, detail(code));
        }
        String status = result.repeated() || result.outcome() == NotificationOutcome.DUPLICATE
                ? NotificationOutcome.DUPLICATE.name() : NotificationOutcome.ACCEPTED.name();
        metrics.notification(status);
        if (!result.repeated() && result.outcome() == NotificationOutcome.ACCEPTED) {
            onAccepted.run();
        }
        return Receipt.ok(status);
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
