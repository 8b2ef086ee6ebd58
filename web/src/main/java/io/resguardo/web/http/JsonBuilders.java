package io.resguardo.web.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/**
 * JSON-P builders from one factory made at class initialisation. {@code Json.createObjectBuilder()} looks the
 * provider up through {@link java.util.ServiceLoader} on every call, which in a WAR reads the service files of every
 * jar in {@code WEB-INF/lib}: on the webhook path that was three look-ups per request. A builder factory is
 * immutable and may be shared between threads (JSON-P); the builders it makes are not shared.
 */
public final class JsonBuilders {
    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }
}
