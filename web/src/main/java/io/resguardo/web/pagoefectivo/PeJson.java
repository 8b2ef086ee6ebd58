package io.resguardo.web.pagoefectivo;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lenient reading of PagoEfectivo's answers: unknown members ignored, numbers and strings taken for each other. */
final class PeJson {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private PeJson() {
    }

    /** The document as a JSON object, or empty when it is not one. */
    static Optional<JsonValue> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static Optional<JsonObject> object(String text) {
        return parse(text).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }

    /**
     * PagoEfectivo's {@code code}, which comes as a string or a number: {@code "100"} either way. Only short codes of
     * letters, digits, {@code _} and {@code -} are taken, since codes end up in messages and logs.
     */
    static Optional<String> code(JsonObject answer) {
        return text(answer, "code").filter(code -> CODE.matcher(code).matches());
    }

    /** The first of {@code names} present as a non-blank string or a number, as text. */
    static Optional<String> text(JsonObject object, String... names) {
        for (String name : names) {
            Optional<String> value = text(object.get(name));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString string) {
            String text = string.getString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.bigDecimalValue();
            // 100 and 100.0 are the same code; 2526391 must not become 2.526391E+6.
            return Optional.of(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    /** A plain decimal sent as a number or a numeric string. */
    static Optional<BigDecimal> decimal(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.bigDecimalValue());
        }
        if (value instanceof JsonString string && string.getString().length() <= 32) {
            try {
                return Optional.of(new BigDecimal(string.getString().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<JsonObject> member(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
                ? Optional.of(value.asJsonObject()) : Optional.empty();
    }
}
