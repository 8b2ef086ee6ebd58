package io.resguardo.web.sandbox;

import io.resguardo.core.pagoefectivo.PagoEfectivoAuth;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the members of a request body the way PagoEfectivo's API validates them, collecting every field error
 * instead of stopping at the first. JSON {@code null} counts as absent; so does an empty or blank string, which is
 * "missing" for a required field.
 */
final class PeFieldReader {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

    private final JsonObject body;
    private final List<PeError> errors = new ArrayList<>();

    PeFieldReader(JsonObject body) {
        this.body = body;
    }

    /** A required string member, or {@code null} after recording why not. */
    String requiredText(String name) {
        String text = optionalText(name);
        if (text == null && isAbsent(name)) {
            errors.add(PeError.missing(name));
        }
        return text;
    }

    /** An optional string member; {@code null} when absent or after recording a wrong type. */
    String optionalText(String name) {
        JsonValue value = body.get(name);
        if (isAbsent(name)) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            invalid(name, "debe ser texto");
            return null;
        }
        return ((JsonString) value).getString();
    }

    /** An optional member given as a string or a JSON integer (ubigeo, document number), as text. */
    String optionalTextOrInteger(String name) {
        JsonValue value = body.get(name);
        if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
            JsonNumber number = (JsonNumber) value;
            if (!number.isIntegral() || number.bigDecimalValue().signum() < 0) {
                invalid(name, "debe ser un entero positivo");
                return null;
            }
            return number.bigIntegerValue().toString();
        }
        return optionalText(name);
    }

    /** A required positive integer given as a JSON integer or a string of digits. */
    Long requiredInteger(String name) {
        JsonValue value = body.get(name);
        if (isAbsent(name)) {
            errors.add(PeError.missing(name));
            return null;
        }
        String digits = value.getValueType() == JsonValue.ValueType.NUMBER
                ? ((JsonNumber) value).bigDecimalValue().toPlainString()
                : value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : "";
        if (!digits.matches("[0-9]{1,18}")) {
            invalid(name, "debe ser un entero positivo");
            return null;
        }
        return Long.parseLong(digits);
    }

    /** A required decimal given as a JSON number or a string in plain decimal notation. */
    BigDecimal requiredDecimal(String name) {
        JsonValue value = body.get(name);
        if (isAbsent(name)) {
            errors.add(PeError.missing(name));
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((JsonNumber) value).bigDecimalValue();
        }
        if (value.getValueType() == JsonValue.ValueType.STRING
                && PLAIN_DECIMAL.matcher(((JsonString) value).getString()).matches()) {
            return new BigDecimal(((JsonString) value).getString());
        }
        invalid(name, "debe ser un número");
        return null;
    }

    /** A required date-time in Lima format ({@code yyyy-MM-dd'T'HH:mm:ssXXX}). */
    Instant requiredDate(String name) {
        String text = requiredText(name);
        if (text == null) {
            return null;
        }
        Instant instant = parseDate(text);
        if (instant == null) {
            invalid(name, "debe tener el formato yyyy-MM-dd'T'HH:mm:ssXXX o yyyy-MM-dd HH:mm:ssXXX");
        }
        return instant;
    }

    /**
     * {@code text} as an instant when it is in Lima format, else {@code null}. PagoEfectivo's guide writes
     * {@code dateExpiry} with a space ({@code 2026-11-26 10:15:30-05:00}) and {@code dateRequest} with a {@code T};
     * both are accepted for either.
     */
    static Instant parseDate(String text) {
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + "T" + text.substring(11);
        }
        try {
            return OffsetDateTime.parse(text, PagoEfectivoAuth.DATE_REQUEST_FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Records a length error when {@code text} (if any) has more than {@code max} characters. */
    void maxLength(String name, String text, int max) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            invalid(name, "admite hasta " + max + " caracteres");
        }
    }

    /** Records a format error when {@code text} (if any) does not match {@code pattern}. */
    void matches(String name, String text, Pattern pattern, String why) {
        if (text != null && !pattern.matcher(text).matches()) {
            invalid(name, why);
        }
    }

    void invalid(String name, String why) {
        errors.add(PeError.invalid(name, why));
    }

    /** @throws PeRefusal {@code 400} with every error recorded, if any */
    void throwIfAny() throws PeRefusal {
        if (!errors.isEmpty()) {
            throw PeRefusal.fields(errors);
        }
    }

    private boolean isAbsent(String name) {
        JsonValue value = body.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                || value.getValueType() == JsonValue.ValueType.STRING && ((JsonString) value).getString().isBlank();
    }
}
