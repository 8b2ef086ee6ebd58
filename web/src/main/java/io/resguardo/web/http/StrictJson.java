package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Parses request bodies strictly: UTF-8 only (malformed sequences and a byte order mark are refused, not
 * replaced), exactly one JSON object and nothing after it, no member name twice in an object, at most
 * {@value #MAX_DEPTH} levels of nesting. Anything else is {@code MALFORMED_JSON}. Numbers stay exact
 * ({@link jakarta.json.JsonNumber}); nothing goes through {@code double}.
 *
 * <p>The tree is built here from JSON-P's streaming parser because the reader API neither reports trailing
 * content nor, when building from a parser, refuses duplicate names. Thread-safe.
 */
public final class StrictJson {
    static final int MAX_DEPTH = 32;

    private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

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
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed("the body must be a JSON object");
            }
            JsonObject object = object(parser, 1);
            if (parser.hasNext()) {
                throw malformed("nothing may follow the JSON object");
            }
            return object;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            // The parser's message quotes the input: not passed on.
            throw malformed("the body is not well-formed JSON");
        }
    }

    private static JsonObject object(JsonParser parser, int depth) throws ResguardoException {
        JsonObjectBuilder object = JsonBuilders.object();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw malformed("a member name appears twice in one object");
            }
            object.add(name, value(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) throws ResguardoException {
        return switch (event) {
            case START_OBJECT -> object(parser, deeper(depth));
            case START_ARRAY -> array(parser, deeper(depth));
            case VALUE_STRING, VALUE_NUMBER -> parser.getValue();
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw malformed("the body is not well-formed JSON");
        };
    }

    private static JsonValue array(JsonParser parser, int depth) throws ResguardoException {
        JsonArrayBuilder array = JsonBuilders.array();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }

    private static int deeper(int depth) throws ResguardoException {
        if (depth >= MAX_DEPTH) {
            throw malformed("the JSON is nested too deeply");
        }
        return depth + 1;
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
