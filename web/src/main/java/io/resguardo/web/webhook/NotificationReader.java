package io.resguardo.web.webhook;

import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;
import io.resguardo.core.validation.RawValue;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.PaymentEvent;
import io.resguardo.web.http.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a verified notification body (CONTRACT section 2) into what the ledger needs, collecting every field
 * error. {@code cip} and {@code operationNumber} may come as strings or integers; {@code amount} as a plain decimal
 * number or string (exact); {@code currency} three capital letters (another currency than the order's is the
 * ledger's {@code CURRENCY_MISMATCH}, not a format error). {@code amount} and {@code currency} are required for
 * {@code cip.paid} only.
 */
final class NotificationReader {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,6})?");

    private NotificationReader() {
    }

    static IncomingNotification read(JsonObject root, String keyId, String redactedPayload)
            throws ValidationException {
        List<FieldError> errors = new ArrayList<>();
        Optional<PaymentEvent> event = Optional.empty();
        RawValue eventType = JsonFields.raw(root, "eventType");
        if (eventType == null) {
            errors.add(new FieldError("eventType", FieldErrorCode.REQUIRED, "eventType is required"));
        } else if (!(eventType instanceof RawValue.Text text)) {
            errors.add(new FieldError("eventType", FieldErrorCode.WRONG_TYPE, "eventType must be a string"));
        } else {
            event = PaymentEvent.fromEventType(text.value());
            if (event.isEmpty()) {
                errors.add(new FieldError("eventType", FieldErrorCode.NOT_ALLOWED,
                        "eventType must be cip.paid, cip.expired or cip.deleted"));
            }
        }
        String operationNumber = identifier(root, "operationNumber", "operationNumber", errors);
        JsonValue dataValue = root.get("data");
        String cip = null;
        Optional<String> currency = Optional.empty();
        Optional<BigDecimal> amount = Optional.empty();
        if (dataValue == null || dataValue.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError("data", dataValue == null ? FieldErrorCode.REQUIRED : FieldErrorCode.WRONG_TYPE,
                    "data must be an object"));
        } else {
            JsonObject data = dataValue.asJsonObject();
            boolean paid = event.map(e -> e == PaymentEvent.PAID).orElse(false);
            cip = identifier(data, "cip", "data.cip", errors);
            currency = currency(data, paid, errors);
            amount = amount(data, paid, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new IncomingNotification(event.orElseThrow(), cip, operationNumber, currency, amount, keyId,
                redactedPayload);
    }

    private static String identifier(JsonObject object, String name, String path, List<FieldError> errors) {
        RawValue raw = JsonFields.raw(object, name);
        String text = raw instanceof RawValue.Text t ? t.value() : raw instanceof RawValue.Number n ? n.literal() : null;
        if (raw == null) {
            errors.add(new FieldError(path, FieldErrorCode.REQUIRED, path + " is required"));
        } else if (text == null) {
            errors.add(new FieldError(path, FieldErrorCode.WRONG_TYPE, path + " must be a string or an integer"));
        } else if (!IDENTIFIER.matcher(text).matches()) {
            errors.add(new FieldError(path, FieldErrorCode.INVALID_FORMAT,
                    path + " must be 1 to 64 letters, digits, '.', '_' or '-'"));
        } else {
            return text;
        }
        return null;
    }

    private static Optional<String> currency(JsonObject data, boolean required, List<FieldError> errors) {
        RawValue raw = JsonFields.raw(data, "currency");
        if (raw == null) {
            if (required) {
                errors.add(new FieldError("data.currency", FieldErrorCode.REQUIRED, "data.currency is required"));
            }
            return Optional.empty();
        }
        if (raw instanceof RawValue.Text t && CURRENCY.matcher(t.value()).matches()) {
            return Optional.of(t.value());
        }
        errors.add(new FieldError("data.currency", FieldErrorCode.INVALID_FORMAT,
                "data.currency must be a three-letter code"));
        return Optional.empty();
    }

    private static Optional<BigDecimal> amount(JsonObject data, boolean required, List<FieldError> errors) {
        RawValue raw = JsonFields.raw(data, "amount");
        if (raw == null) {
            if (required) {
                errors.add(new FieldError("data.amount", FieldErrorCode.REQUIRED, "data.amount is required"));
            }
            return Optional.empty();
        }
        String text = raw instanceof RawValue.Text t ? t.value() : raw instanceof RawValue.Number n ? n.literal() : "";
        if (AMOUNT.matcher(text).matches()) {
            return Optional.of(new BigDecimal(text));
        }
        errors.add(new FieldError("data.amount", FieldErrorCode.INVALID_FORMAT,
                "data.amount must be a plain decimal number"));
        return Optional.empty();
    }
}
