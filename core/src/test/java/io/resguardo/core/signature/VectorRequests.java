package io.resguardo.core.signature;

import io.resguardo.core.secret.Secret;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds {@link HttpRequestView}s and keys from the published vector files. */
final class VectorRequests {
    private VectorRequests() {
    }

    /** The RFC 9421 test request: scheme, target in origin-form, authority from its Host header. */
    static HttpRequestView.Builder rfcRequest(JsonObject request) {
        String target = request.getString("target");
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        String host = null;
        for (JsonArray h : request.getJsonArray("headers").getValuesAs(JsonArray.class)) {
            if (h.getString(0).equalsIgnoreCase("Host")) {
                host = h.getString(1);
            }
        }
        HttpRequestView.Builder b = HttpRequestView.builder(request.getString("method"), request.getString("scheme"),
                host, path, query);
        addHeadersAndBody(b, request);
        return b;
    }

    /** A shop vector request: absolute URI, headers, body. */
    static HttpRequestView.Builder shopRequest(JsonObject request) {
        HttpRequestView.Builder b = HttpRequestView.builder(request.getString("method"),
                URI.create(request.getString("uri")));
        addHeadersAndBody(b, request);
        return b;
    }

    private static void addHeadersAndBody(HttpRequestView.Builder b, JsonObject request) {
        for (JsonArray h : request.getJsonArray("headers").getValuesAs(JsonArray.class)) {
            b.header(h.getString(0), h.getString(1));
        }
        b.body(request.getString("body").getBytes(StandardCharsets.UTF_8));
    }

    static Secret base64Secret(String base64) {
        return Secret.ofBytes(Base64.getDecoder().decode(base64));
    }
}
