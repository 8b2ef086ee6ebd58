package io.resguardo.web.http;

import io.resguardo.core.validation.RawValue;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Maps JSON members to core's unvalidated {@link RawValue}s: absent or {@code null} is Java {@code null}. */
public final class JsonFields {
    private JsonFields() {
    }

    public static RawValue raw(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> RawValue.text(((JsonString) value).getString());
            // The number's own text (exact, never through double); core refuses exponents and signs.
            case NUMBER -> RawValue.number(((JsonNumber) value).toString());
            case TRUE, FALSE -> RawValue.wrongType(RawValue.JsonType.BOOLEAN);
            case ARRAY -> RawValue.wrongType(RawValue.JsonType.ARRAY);
            case OBJECT -> RawValue.wrongType(RawValue.JsonType.OBJECT);
        };
    }
}
