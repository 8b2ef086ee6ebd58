package io.resguardo.web.pagoefectivo;

import io.resguardo.core.redact.Redactor;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A body as it may be logged: the members of CONTRACT.md section 2 that carry credentials or personal data masked by
 * name, before the log's redactor sees the line at all. Two independent layers, so that a gap in the redactor's
 * generic rules cannot leak a token or a phone number of this API.
 */
final class LogView {
    private static final Set<String> HIDDEN = Set.of("accesskey", "secretkey", "hashstring", "token", "authorization");
    private static final Set<String> EMAILS = Set.of("useremail", "adminemail", "email");
    private static final Set<String> KEEP_ENDS = Set.of("userphone", "phone", "userdocumentnumber", "documentnumber",
            "username", "userlastname");
    private static final int MAX_DEPTH = 8;

    private LogView() {
    }

    static String body(String text) {
        if (text == null || text.isEmpty()) {
            return "(empty)";
        }
        return PeJson.parse(text).map(value -> mask(value, 0).toString())
                .orElse("(" + text.length() + " characters, not JSON)");
    }

    private static JsonValue mask(JsonValue value, int depth) {
        if (depth > MAX_DEPTH) {
            return Json.createValue("(nested too deep)");
        }
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder out = Json.createObjectBuilder();
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    out.add(member.getKey(), masked(member.getKey(), member.getValue(), depth));
                }
                return out.build();
            }
            case ARRAY -> {
                JsonArrayBuilder out = Json.createArrayBuilder();
                value.asJsonArray().forEach(item -> out.add(mask(item, depth + 1)));
                return out.build();
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonValue masked(String name, JsonValue value, int depth) {
        String key = name.toLowerCase(Locale.ROOT);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return value;
        }
        if (HIDDEN.contains(key)) {
            return Json.createValue("***");
        }
        if (EMAILS.contains(key)) {
            return Json.createValue(value instanceof JsonString s ? Redactor.maskEmail(s.getString()) : "***");
        }
        if (KEEP_ENDS.contains(key)) {
            return Json.createValue(Redactor.maskKeepingEnds(PeJson.text(value).orElse("")));
        }
        return mask(value, depth + 1);
    }
}
