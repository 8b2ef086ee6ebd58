package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Parses request bodies strictly: UTF-8 only (malformed or overlong sequences and a byte order mark are refused,
 * not replaced), one JSON object, no duplicate member names, nothing after it. Anything else is
 * {@code MALFORMED_JSON}. Numbers stay exact ({@link jakarta.json.JsonNumber#bigDecimalValue()}); nothing goes
 * through {@code double}.
 *
 * <p>Thread-safe: the reader factory is made once.
 */
public final class StrictJson {
    private final JsonReaderFactory readers =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    /**
     * The body as a JSON object.
     *
     * @throws ResguardoException {@code MALFORMED_JSON}
     */
    public JsonObject object(byte[] body) throws ResguardoException {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw malformed("a byte order mark is not allowed");
        }
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            // The parser's message quotes the input: not passed on.
            throw malformed("the body is not well-formed JSON (or repeats a member name)");
        }
    }

    private static String utf8(byte[] body) throws ResguardoException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the body is not valid UTF-8");
        }
    }

    private static ResguardoException malformed(String detail) {
        return new ResguardoException(ErrorCode.MALFORMED_JSON, detail);
    }
}
