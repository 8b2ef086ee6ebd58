package io.resguardo.web;

import io.resguardo.testfixtures.jetty.LogCapture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.resguardo.web.Problem.assertProblem;
import static io.resguardo.web.Problem.assertRetryAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged WAR in Jetty, driven over HTTP(S) through every row of CONTRACT section 6 it can produce without
 * an admin user (FORBIDDEN arrives with the admin issue) and the flows of sections 3 and 4. Each test uses its own
 * client address (X-Forwarded-For from the trusted loopback proxy) so bans and buckets do not leak between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractIT {
    static final String EMAIL = "maria.quispe@example.pe";
    static final String DOCUMENT = "45871236";
    static final String PHONE = "987654321";

    final AtomicInteger addresses = new AtomicInteger(1);
    final AtomicInteger codes = new AtomicInteger();
    LogCapture logs;
    Deployment app;
    TestClients.Shop shop;
    TestClients.Notifier notifier;

    @BeforeAll
    void start() throws Exception {
        logs = new LogCapture();
        app = new Deployment().start();
        shop = app.shop();
        notifier = app.notifier();
    }

    @AfterAll
    void stop() {
        app.close();
        logs.close();
        logs.assertNoneContain(app.secrets());
        logs.assertNoneContain(EMAIL, DOCUMENT, PHONE);
    }

    /** A fresh client address inside the allowlist. */
    String client() {
        return "198.51.100." + addresses.incrementAndGet();
    }

    static String orderJson(String transactionCode, String amount) {
        return orderJson(transactionCode, amount, OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(1).withNano(0));
    }

    static String orderJson(String transactionCode, String amount, OffsetDateTime expiresAt) {
        return "{\"transactionCode\":\"" + transactionCode + "\",\"amount\":\"" + amount + "\",\"currency\":\"PEN\","
                + "\"paymentConcept\":\"Zapatillas talla 42\",\"expiresAt\":\""
                + expiresAt + "\",\"customer\":{"
                + "\"email\":\"" + EMAIL + "\",\"firstName\":\"Maria\",\"lastName\":\"Quispe\",\"documentType\":\"DNI\","
                + "\"documentNumber\":\"" + DOCUMENT + "\",\"phone\":\"" + PHONE + "\",\"countryCode\":\"+51\"}}";
    }

    String newCode() {
        return "T-" + System.nanoTime() + "-" + codes.incrementAndGet();
    }

    /** Creates an order through the API and returns its CIP. */
    String orderWithCip(String transactionCode) throws Exception {
        HttpResponse<String> created = shop.post("api/v1/orders", orderJson(transactionCode, "150.00"), client());
        assertEquals(201, created.statusCode(), created.body());
        return Problem.json(created.body()).getString("cip");
    }

    HttpResponse<String> raw(String method, URI uri, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return app.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersUpAlsoOverPlainHttp() throws Exception {
        for (URI base : List.of(app.jetty.httpUri(), app.jetty.httpsUri())) {
            HttpResponse<String> health = raw("GET", base.resolve("health"), null, null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", Problem.json(health.body()).getString("status"));
            assertTrue(health.headers().firstValue("X-Request-Id").isPresent());
        }
    }

    @Test
    void plainHttpIsRefusedWithHttpsRequired() throws Exception {
        HttpResponse<String> response = raw("POST", app.jetty.httpUri().resolve("webhooks/pagoefectivo"),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 403, "HTTPS_REQUIRED");
        assertFalse(response.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void httpsAnswersCarryHstsNosniffAndNoStore() throws Exception {
        HttpResponse<String> response = raw("GET", app.jetty.httpsUri().resolve("health"), null, null);
        assertEquals("max-age=31536000; includeSubDomains",
                response.headers().firstValue("Strict-Transport-Security").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void aValidRequestIdIsEchoedAndAnythingElseReplaced() throws Exception {
        URI health = app.jetty.httpsUri().resolve("health");
        HttpResponse<String> kept = app.client().send(HttpRequest.newBuilder(health)
                .header("X-Request-Id", "abc.DEF_123-x").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("abc.DEF_123-x", kept.headers().firstValue("X-Request-Id").orElseThrow());
        for (String bad : List.of("has space", "x".repeat(65), "semi;colon", "ñ")) {
            HttpResponse<String> replaced = app.client().send(HttpRequest.newBuilder(health)
                    .header("X-Request-Id", bad).build(), HttpResponse.BodyHandlers.ofString());
            String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
            assertNotEquals(bad, id);
            assertTrue(id.matches("[A-Za-z0-9._-]{1,64}"), id);
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblems() throws Exception {
        assertProblem(raw("GET", app.jetty.httpsUri().resolve("nothing/here"), null, null), 404, "NOT_FOUND");
        assertProblem(raw("GET", app.jetty.httpsUri().resolve("WEB-INF/web.xml"), null, null), 404, "NOT_FOUND");
        assertProblem(raw("DELETE", app.jetty.httpsUri().resolve("health"), null, null), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anOrderIsCreatedOnceAndReadBack() throws Exception {
        String code = newCode();
        String body = orderJson(code, "150.00");
        HttpResponse<String> created = shop.post("api/v1/orders", body, client());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/orders/" + code, created.headers().firstValue("Location").orElseThrow());
        JsonObject order = Problem.json(created.body());
        assertEquals("PENDING", order.getString("status"));
        assertEquals("150.00", order.getString("amount"));
        assertFalse(order.getString("cip").isBlank());

        HttpResponse<String> again = shop.post("api/v1/orders", body, client());
        assertEquals(200, again.statusCode());
        assertEquals(order.getString("cip"), Problem.json(again.body()).getString("cip"));

        HttpResponse<String> read = shop.get("api/v1/orders/" + code, client());
        assertEquals(200, read.statusCode());
        assertEquals(code, Problem.json(read.body()).getString("transactionCode"));
    }

    @Test
    void theSameTransactionCodeWithAnotherAmountIsAConflict() throws Exception {
        String code = newCode();
        assertEquals(201, shop.post("api/v1/orders", orderJson(code, "150.00"), client()).statusCode());
        assertProblem(shop.post("api/v1/orders", orderJson(code, "150.01"), client()), 409, "IDEMPOTENCY_CONFLICT");
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        assertProblem(shop.get("api/v1/orders/NOPE-" + newCode(), client()), 404, "NOT_FOUND");
    }

    @Test
    void invalidFieldsAreListedTogether() throws Exception {
        String body = "{\"transactionCode\":\"bad code!\",\"amount\":\"1e3\",\"currency\":\"EUR\","
                + "\"paymentConcept\":\"x\",\"expiresAt\":\"2020-01-01T00:00:00Z\",\"customer\":{\"email\":\"nope\","
                + "\"phone\":\"12\",\"countryCode\":\"51\",\"documentType\":\"DNI\",\"documentNumber\":\"123\"}}";
        JsonObject problem = assertProblem(shop.post("api/v1/orders", body, client()), 422, "VALIDATION_FAILED");
        List<String> fields = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        for (String field : List.of("transactionCode", "amount", "currency", "expiresAt", "customer.email",
                "customer.phone", "customer.countryCode", "customer.documentNumber")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
        assertFalse(problem.toString().contains("123\""), "submitted values are not echoed");
    }

    @Test
    void malformedJsonIsRefusedEvenWhenSigned() throws Exception {
        for (byte[] body : List.of("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "[1,2]".getBytes(StandardCharsets.UTF_8))) {
            assertProblem(shop.send("POST", "api/v1/orders", body, client(), TestClients.randomText(), 0), 400,
                    "MALFORMED_JSON");
            assertProblem(notifier.send(body, TestClients.peSignature(app.secretKey, body), client()), 400,
                    "MALFORMED_JSON");
        }
    }

    @Test
    void onlyJsonIsAccepted() throws Exception {
        HttpResponse<String> response = raw("POST", app.jetty.httpsUri().resolve("webhooks/pagoefectivo"),
                "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(raw("POST", app.jetty.httpsUri().resolve("api/v1/orders"), "application/json; charset=latin1",
                "{}".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void shopSignatureFailuresHaveTheirCodes() throws Exception {
        String address = client();
        byte[] body = orderJson(newCode(), "150.00").getBytes(StandardCharsets.UTF_8);
        assertProblem(raw("POST", app.jetty.httpsUri().resolve("api/v1/orders"), "application/json", body), 401,
                "SIGNATURE_MISSING");

        HttpRequest.Builder tampered = shop.request("POST", "api/v1/orders", body, address, TestClients.randomText(), 0);
        byte[] other = orderJson(newCode(), "999.00").getBytes(StandardCharsets.UTF_8);
        assertProblem(app.client().send(tampered.method("POST", HttpRequest.BodyPublishers.ofByteArray(other)).build(),
                HttpResponse.BodyHandlers.ofString()), 401, "DIGEST_MISMATCH");

        TestClients.Shop stranger = new TestClients.Shop(app.client(), app.jetty.httpsUri(), "shop-9",
                TestClients.randomBytes(32), java.time.Clock.systemUTC());
        assertProblem(stranger.post("api/v1/orders", orderJson(newCode(), "1.00"), address), 401, "UNKNOWN_KEY");
        TestClients.Shop forger = new TestClients.Shop(app.client(), app.jetty.httpsUri(), Deployment.KEY_ID,
                TestClients.randomBytes(32), java.time.Clock.systemUTC());
        assertProblem(forger.post("api/v1/orders", orderJson(newCode(), "1.00"), address), 401, "SIGNATURE_INVALID");

        assertProblem(shop.send("GET", "api/v1/orders/x", null, address, TestClients.randomText(), -600), 401,
                "TIMESTAMP_OUT_OF_RANGE");
        String nonce = TestClients.randomText();
        assertEquals(404, shop.send("GET", "api/v1/orders/x", null, address, nonce, 0).statusCode());
        assertProblem(shop.send("GET", "api/v1/orders/x", null, address, nonce, 0), 401, "REPLAY_DETECTED");
    }

    @Test
    void aPaidNotificationMarksTheOrderPaidOnce() throws Exception {
        String code = newCode();
        String cip = orderWithCip(code);
        String body = TestClients.paidJson(cip, "OP-1", "150.00", "PEN");
        HttpResponse<String> first = notifier.post(body, client());
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("ACCEPTED", Problem.json(first.body()).getString("status"));
        HttpResponse<String> again = notifier.post(body, client());
        assertEquals(200, again.statusCode());
        assertEquals("DUPLICATE", Problem.json(again.body()).getString("status"));

        JsonObject order = Problem.json(shop.get("api/v1/orders/" + code, client()).body());
        assertEquals("PAID", order.getString("status"));
        assertEquals("OP-1", order.getString("operationNumber"));
    }

    @Test
    void inconsistentNotificationsAreRefusedWithTheirCodes() throws Exception {
        String cip = orderWithCip(newCode());
        assertProblem(notifier.post(TestClients.paidJson("99999999", "OP-u", "150.00", "PEN"), client()), 404,
                "UNKNOWN_CIP");
        assertProblem(notifier.post(TestClients.paidJson(cip, "OP-a", "15.00", "PEN"), client()), 422,
                "AMOUNT_MISMATCH");
        assertProblem(notifier.post(TestClients.paidJson(cip, "OP-c", "150.00", "USD"), client()), 422,
                "CURRENCY_MISMATCH");
        assertEquals(200, notifier.post(TestClients.paidJson(cip, "OP-ok", "150.0", "PEN"), client()).statusCode());
        String expired = "{\"eventType\":\"cip.expired\",\"operationNumber\":\"OP-e\",\"data\":{\"cip\":\"" + cip + "\"}}";
        assertProblem(notifier.post(expired, client()), 409, "INVALID_TRANSITION");
        assertProblem(notifier.post(TestClients.paidJson(cip, "OP-2", "150.00", "PEN"), client()), 409,
                "INVALID_TRANSITION");
        assertTrue(logs.contains("ALERT notification_inconsistent code=AMOUNT_MISMATCH"));
    }

    @Test
    void notificationSignatureAndFieldFailuresHaveTheirCodes() throws Exception {
        byte[] body = TestClients.paidJson("123", "OP", "1.00", "PEN").getBytes(StandardCharsets.UTF_8);
        assertProblem(notifier.send(body, null, client()), 401, "SIGNATURE_MISSING");
        assertProblem(notifier.send(body, "ab".repeat(32), client()), 401, "SIGNATURE_INVALID");
        assertProblem(notifier.send(body, TestClients.peSignature("another-secret-key-entirely", body), client()),
                401, "SIGNATURE_INVALID");
        JsonObject problem = assertProblem(notifier.post("{\"eventType\":\"cip.refunded\",\"data\":{}}", client()),
                422, "VALIDATION_FAILED");
        assertTrue(problem.getJsonArray("errors").size() >= 2);
    }

    @Test
    void repeatedAuthenticationFailuresBlockTheClientOnBothSurfaces() throws Exception {
        String address = client();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, notifier.send(body, "00", address).statusCode());
        }
        HttpResponse<String> blocked = notifier.send(body, "00", address);
        assertProblem(blocked, 429, "CLIENT_BLOCKED");
        assertRetryAfter(blocked);
        assertProblem(shop.get("api/v1/orders/x", address), 429, "CLIENT_BLOCKED");
        assertEquals(404, shop.get("api/v1/orders/x", client()).statusCode(), "another client is not blocked");
    }

    @Test
    void anAddressOutsideTheAllowlistIsRefused() throws Exception {
        assertProblem(notifier.post("{}", "203.0.113.5"), 403, "IP_NOT_ALLOWED");
        assertProblem(shop.get("api/v1/orders/x", "203.0.113.5"), 403, "IP_NOT_ALLOWED");
    }

    @Test
    void aTrustedProxySayingTheClientUsedHttpIsBelieved() throws Exception {
        HttpResponse<String> response = app.client().send(HttpRequest.newBuilder(
                        app.jetty.httpsUri().resolve("api/v1/orders/x")).header("X-Forwarded-Proto", "http").build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 403, "HTTPS_REQUIRED");
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(notifier.send(big, "00", client()), 413, "BODY_TOO_LARGE");
    }

    @Test
    void metricsAreExposedInPrometheusText() throws Exception {
        HttpResponse<String> response = raw("GET", app.jetty.httpsUri().resolve("metrics"), null, null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        for (String name : List.of("resguardo_http_requests_total", "resguardo_rejections_total",
                "resguardo_notifications_total", "resguardo_orders{status=\"PENDING\"}", "resguardo_outbox_pending",
                "# TYPE resguardo_http_requests_total counter")) {
            assertTrue(response.body().contains(name), name);
        }
    }
}
