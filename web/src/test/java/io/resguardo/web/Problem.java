package io.resguardo.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the problem+json shape of CONTRACT section 6 on a real response. */
final class Problem {
    private Problem() {
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Asserts status, code and shape; returns the problem for further checks. */
    static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> "body: " + response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        JsonObject problem = json(response.body());
        assertEquals(code, problem.getString("code"));
        assertEquals(status, problem.getInt("status"));
        assertEquals(requestId, problem.getString("requestId"));
        assertTrue(problem.getString("type").startsWith("urn:resguardo:problem:"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("at io.") || response.body().contains("Exception"),
                "no stack traces or exception names in bodies");
        return problem;
    }

    static void assertRetryAfter(HttpResponse<String> response) {
        long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds >= 1, "Retry-After is whole seconds, at least 1");
    }
}
