package io.resguardo.web;

import io.resguardo.testfixtures.jetty.LogCapture;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.resguardo.web.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the deployed WAR treats its configuration: production refuses what is unsafe, and honours what is set. */
class DeploymentConfigIT {
    @Test
    void productionWithoutItsSettingsFailsTheDeploymentNamingEveryProblemOnce() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Deployment app = new Deployment();
            app.settings.clear();
            app.set("resguardo.env", "production").set("resguardo.home", app.home.toString())
                    .set("resguardo.require.https", "false");
            Throwable failure = app.startExpectingFailure();
            assertNotNull(failure);
            List<String> refusals = logs.lines().stream().filter(l -> l.contains("refuses to start")).toList();
            assertEquals(1, refusals.size(), "one record names every problem: " + refusals);
            for (String name : List.of("PAGOEFECTIVO_SERVICE_ID", "PAGOEFECTIVO_ACCESS_KEY", "PAGOEFECTIVO_SECRET_KEY",
                    "RESGUARDO_API_KEYS", "RESGUARDO_WEBHOOK_ALLOWLIST", "RESGUARDO_API_ALLOWLIST",
                    "RESGUARDO_REQUIRE_HTTPS")) {
                assertTrue(refusals.get(0).contains(name), name + " in " + refusals.get(0));
            }
        }
    }

    @Test
    void productionRefusesPlaceholderSecretsAndTheSandboxHost() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Deployment app = new Deployment().set("resguardo.env", "production")
                    .set("pagoefectivo.secret.key", "your-secret-key-here")
                    .set("pagoefectivo.base.url", "https://pre1a.services.pagoefectivo.pe");
            assertNotNull(app.startExpectingFailure());
            String refusal = logs.lines().stream().filter(l -> l.contains("refuses to start")).findFirst().orElseThrow();
            assertTrue(refusal.contains("PAGOEFECTIVO_SECRET_KEY"), refusal);
            assertTrue(refusal.contains("PAGOEFECTIVO_BASE_URL"), refusal);
            assertFalse(refusal.contains("your-secret-key-here"), "values are never logged");
        }
    }

    @Test
    void inProductionAnOrderIsKeptPendingWhenNoCipCanBeIssued() throws Exception {
        try (LogCapture logs = new LogCapture();
             Deployment app = new Deployment().set("resguardo.env", "production").start()) {
            String code = "P-" + System.nanoTime();
            HttpResponse<String> created = app.shop().post("api/v1/orders", ContractIT.orderJson(code, "10.00"), null);
            assertProblem(created, 502, "UPSTREAM_UNAVAILABLE");
            var order = Problem.json(app.shop().get("api/v1/orders/" + code, null).body());
            assertEquals("PENDING", order.getString("status"));
            assertTrue(order.isNull("cip"), "no made-up CIP in production");
            logs.assertNoneContain(app.secrets());
        }
    }

    @Test
    void aClientPastItsBucketIsRateLimitedPerSurface() throws Exception {
        try (Deployment app = new Deployment().set("resguardo.rate.limit.api", "1/h,burst=3")
                .set("resguardo.rate.limit.webhook", "1/h,burst=2").start()) {
            for (int i = 0; i < 3; i++) {
                assertProblem(app.shop().get("api/v1/orders/none", null), 404, "NOT_FOUND");
            }
            HttpResponse<String> limited = app.shop().get("api/v1/orders/none", null);
            assertProblem(limited, 429, "RATE_LIMITED");
            Problem.assertRetryAfter(limited);
            assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 60,
                    "the next token comes in about an hour");
            for (int i = 0; i < 2; i++) {
                assertEquals(422, app.notifier().post("{}", null).statusCode(), "within the webhook bucket");
            }
            assertProblem(app.notifier().post("{}", null), 429, "RATE_LIMITED");
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerChangeNothing() throws Exception {
        try (Deployment app = new Deployment().set("resguardo.trusted.proxies", "")
                .set("resguardo.api.allowlist", "127.0.0.1/32,::1/128").start()) {
            HttpResponse<String> spoofedAddress = app.client().send(HttpRequest.newBuilder(
                    app.jetty.httpsUri().resolve("api/v1/orders/x")).header("X-Forwarded-For", "203.0.113.5")
                    .header("Forwarded", "for=203.0.113.5;proto=http").build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(spoofedAddress, 401, "SIGNATURE_MISSING");
            HttpResponse<String> spoofedScheme = app.client().send(HttpRequest.newBuilder(
                    app.jetty.httpUri().resolve("api/v1/orders/x")).header("X-Forwarded-Proto", "https").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertProblem(spoofedScheme, 403, "HTTPS_REQUIRED");
        }
    }

    @Test
    void forwardedHeadersFromATrustedProxyAreHonoured() throws Exception {
        try (Deployment app = new Deployment().set("resguardo.api.allowlist", "198.51.100.0/24").start()) {
            HttpResponse<String> fromAllowed = app.shop().get("api/v1/orders/none", "198.51.100.20");
            assertProblem(fromAllowed, 404, "NOT_FOUND");
            assertProblem(app.shop().get("api/v1/orders/none", null), 403, "IP_NOT_ALLOWED");
            HttpResponse<String> viaProxyOverHttp = app.client().send(HttpRequest.newBuilder(
                    app.jetty.httpUri().resolve("health")).header("X-Forwarded-Proto", "https").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(viaProxyOverHttp.headers().firstValue("Strict-Transport-Security").isPresent(),
                    "the proxy terminated TLS: the answer carries HSTS");
        }
    }
}
