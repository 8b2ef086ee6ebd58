package io.resguardo.web;

import io.resguardo.core.audit.AuditChain;
import io.resguardo.core.audit.AuditEntry;
import io.resguardo.testfixtures.jetty.LogCapture;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.resguardo.web.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin surface of the packaged WAR in Jetty, over HTTPS, with users of the container's login service: who gets
 * in (CONTRACT section 3), the shapes of the JSON endpoints after a real signed order and a real signed notification,
 * the forgery guard on changes, and the dashboard under its Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminIT {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String ADMIN = "operator";
    static final String ADMIN_PASSWORD = TestClients.randomText();
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = TestClients.randomText();

    final AtomicInteger addresses = new AtomicInteger(1);
    LogCapture logs;
    Deployment app;
    String transactionCode;
    String cip;
    String operationNumber;

    @BeforeAll
    void start() throws Exception {
        logs = new LogCapture();
        app = new Deployment().user(ADMIN, ADMIN_PASSWORD, "resguardo-admin").user(VIEWER, VIEWER_PASSWORD, "shop")
                .start();
        transactionCode = "ADM-" + System.nanoTime();
        HttpResponse<String> created = app.shop().post("api/v1/orders",
                ContractIT.orderJson(transactionCode, "150.00"), client());
        assertEquals(201, created.statusCode(), created.body());
        cip = Problem.json(created.body()).getString("cip");
        operationNumber = "OP" + System.nanoTime();
        String paid = TestClients.paidJson(cip, operationNumber, "150.00", "PEN");
        assertEquals(200, app.notifier().post(paid, client()).statusCode());
        assertEquals(200, app.notifier().post(paid, client()).statusCode(), "the duplicate is answered too");
    }

    @AfterAll
    void stop() {
        app.close();
        logs.close();
        logs.assertNoneContain(app.secrets());
        logs.assertNoneContain(ADMIN_PASSWORD, VIEWER_PASSWORD);
    }

    String client() {
        return "198.51.100." + addresses.incrementAndGet();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return app.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(app.jetty.httpsUri().resolve(path))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD));
    }

    JsonObject adminJson(String path) throws Exception {
        HttpResponse<String> response = send(admin(path));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0].strip());
        assertAdminHeaders(response);
        return Problem.json(response.body());
    }

    static void assertAdminHeaders(HttpResponse<String> response) {
        assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void withoutCredentialsTheContainerChallengesWithBasic() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(app.jetty.httpsUri().resolve("admin/api/summary")));
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Basic "), challenge);
        // Tomcat announces the login-config realm-name ("Resguardo"); Jetty announces its login service's name.
        assertTrue(challenge.contains("realm=\""), challenge);
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        assertFalse(response.body().contains("operator"));
    }

    @Test
    void aWrongPasswordIsChallengedAgain() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(app.jetty.httpsUri().resolve("admin/api/summary"))
                .header("Authorization", basic(ADMIN, "not-" + ADMIN_PASSWORD)));
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic "));
    }

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(app.jetty.httpsUri().resolve("admin/api/orders"))
                .header("Authorization", basic(VIEWER, VIEWER_PASSWORD)));
        assertProblem(response, 403, "FORBIDDEN");
        assertAdminHeaders(response);
    }

    @Test
    void plainHttpIsRefusedBeforeAuthentication() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(app.jetty.httpUri().resolve("admin/api/orders"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)));
        assertProblem(response, 403, "HTTPS_REQUIRED");
        assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void anAdminOutsideTheAdminAllowlistIsRefused() throws Exception {
        HttpResponse<String> response = send(admin("admin/api/orders").header("X-Forwarded-For", client()));
        assertProblem(response, 403, "IP_NOT_ALLOWED");
        assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void ordersAreListedNewestFirstAsTheShopApiWritesThem() throws Exception {
        JsonArray orders = adminJson("admin/api/orders?status=PAID&limit=10").getJsonArray("orders");
        JsonObject order = orders.getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("transactionCode").equals(transactionCode)).findFirst().orElseThrow();
        assertEquals("PAID", order.getString("status"));
        assertEquals("150.00", order.getString("amount"));
        assertEquals(cip, order.getString("cip"));
        assertEquals(operationNumber, order.getString("operationNumber"));
        assertTrue(order.getString("paidAt").endsWith("-05:00"));
        assertTrue(order.containsKey("customer"));
        assertTrue(adminJson("admin/api/orders?status=EXPIRED").getJsonArray("orders").isEmpty());
    }

    @Test
    void badQueryParametersAreValidationProblemsNamingTheField() throws Exception {
        JsonObject status = assertProblem(send(admin("admin/api/orders?status=paid")), 422, "VALIDATION_FAILED");
        assertEquals("status", status.getJsonArray("errors").getJsonObject(0).getString("field"));
        for (String limit : List.of("0", "501", "-1", "ten", "99999999999")) {
            JsonObject problem = assertProblem(send(admin("admin/api/notifications?limit=" + limit)), 422,
                    "VALIDATION_FAILED");
            assertEquals("limit", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        JsonObject outbox = assertProblem(send(admin("admin/api/outbox?status=LOST&limit=0")), 422,
                "VALIDATION_FAILED");
        assertEquals(Set.of("status", "limit"), outbox.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet()));
    }

    @Test
    void notificationsAppearOnceWithTheirOutcomeKeyAndDuplicates() throws Exception {
        JsonArray list = adminJson("admin/api/notifications?cip=" + cip).getJsonArray("notifications");
        assertEquals(1, list.size(), list.toString());
        JsonObject n = list.getJsonObject(0);
        assertEquals(Set.of("id", "eventType", "cip", "operationNumber", "outcome", "code", "receivedAt", "keyId",
                "duplicates"), n.keySet());
        assertEquals("cip.paid", n.getString("eventType"));
        assertEquals(cip, n.getString("cip"));
        assertEquals(operationNumber, n.getString("operationNumber"));
        assertEquals("ACCEPTED", n.getString("outcome"));
        assertEquals(JsonValue.NULL, n.get("code"));
        assertEquals("current", n.getString("keyId"));
        assertEquals(1, n.getInt("duplicates"));
    }

    @Test
    void theAuditChainVerifiesAndItsExportHasOneLinePerEntry() throws Exception {
        JsonObject verify = adminJson("admin/api/audit/verify");
        assertEquals(Set.of("intact", "entries", "firstBrokenSequence"), verify.keySet());
        assertTrue(verify.getBoolean("intact"));
        assertEquals(JsonValue.NULL, verify.get("firstBrokenSequence"));
        int entries = verify.getInt("entries");
        assertTrue(entries >= 2, "order created and paid at least");

        HttpResponse<String> export = send(admin("admin/api/audit/export"));
        assertEquals(200, export.statusCode());
        assertEquals("application/x-ndjson", export.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0].strip());
        List<String> lines = export.body().lines().toList();
        assertTrue(lines.size() >= entries, "appends may have happened since");
        long sequence = 0;
        AuditChain.Verifier offline = AuditChain.verifier();
        for (String line : lines) {
            JsonObject entry = Problem.json(line);
            offline.accept(new AuditEntry(entry.getJsonNumber("sequence").longValue(),
                    Instant.parse(entry.getString("recordedAt")), entry.getString("actor"), entry.getString("action"),
                    entry.getString("subject"), entry.getString("detail"), entry.getString("previousHash"),
                    entry.getString("entryHash")));
            assertEquals(Set.of("sequence", "recordedAt", "actor", "action", "subject", "detail", "previousHash",
                    "entryHash"), entry.keySet());
            assertEquals(++sequence, entry.getJsonNumber("sequence").longValue());
            assertTrue(entry.getString("recordedAt").endsWith("Z"));
            assertTrue(entry.getString("entryHash").matches("[0-9a-f]{64}"));
        }
        assertTrue(offline.finish().intact(), "every field needed to recompute the chain is exported");
        assertTrue(export.body().contains("\"action\":\"order.paid\""), "the payment is in the chain");
    }

    @Test
    void preflightListsEveryCheckWithStatusDetailAndFix() throws Exception {
        JsonObject report = adminJson("admin/api/preflight");
        JsonArray checks = report.getJsonArray("checks");
        Set<String> ids = checks.getValuesAs(JsonObject.class).stream().map(c -> c.getString("id"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("https-required", "secrets", "key-age", "environment-host", "allowlist-webhook",
                "allowlist-api", "allowlist-admin", "trusted-proxies", "clock-offset", "outbound-tls", "database",
                "redaction"), ids);
        boolean anyFail = false;
        for (JsonObject check : checks.getValuesAs(JsonObject.class)) {
            assertEquals(Set.of("id", "status", "detail", "fix"), check.keySet());
            assertTrue(Set.of("PASS", "WARN", "FAIL").contains(check.getString("status")));
            assertFalse(check.getString("detail").isBlank());
            assertFalse(check.getString("fix").isBlank());
            anyFail |= check.getString("status").equals("FAIL");
        }
        assertEquals(!anyFail, report.getBoolean("ready"));
        assertEquals("PASS", status(checks, "redaction"));
        assertEquals("PASS", status(checks, "database"));
        assertEquals("WARN", status(checks, "key-age"), "the key's issue date is not configured");
        assertFalse(report.toString().contains(app.secretKey));
    }

    static String status(JsonArray checks, String id) {
        return checks.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("id").equals(id))
                .findFirst().orElseThrow().getString("status");
    }

    @Test
    void theSummaryCountsOrdersOutboxRejectionsAndKeys() throws Exception {
        JsonObject summary = adminJson("admin/api/summary");
        assertEquals("sandbox", summary.getString("environment"));
        assertTrue(summary.getJsonObject("orders").getInt("PAID") >= 1);
        assertTrue(summary.getJsonObject("outbox").containsKey("pending"));
        assertTrue(summary.getJsonObject("outbox").containsKey("dead"));
        assertNotNull(summary.getJsonObject("rejections"));
        assertNotNull(summary.getJsonArray("bans"));
        JsonObject key = summary.getJsonArray("keys").getJsonObject(0);
        assertEquals("current", key.getString("id"));
        assertTrue(key.getBoolean("current"));
    }

    @Test
    void redeliveryRequiresTheRequestedWithHeader() throws Exception {
        JsonArray events = adminJson("admin/api/outbox?limit=500").getJsonArray("events");
        String eventId = events.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("transactionCode").equals(transactionCode)).findFirst().orElseThrow()
                .getString("eventId");
        String path = "admin/api/outbox/" + eventId + "/redeliver";

        HttpResponse<String> forged = send(admin(path).POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(forged, 403, "FORBIDDEN");
        HttpResponse<String> wrongValue = send(admin(path).header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(wrongValue, 403, "FORBIDDEN");

        HttpResponse<String> done = send(admin(path).header("X-Requested-With", "resguardo-admin")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, done.statusCode(), done.body());
        JsonObject event = Problem.json(done.body());
        assertEquals(eventId, event.getString("eventId"));
        assertEquals("PENDING", event.getString("status"));
        assertTrue(send(admin("admin/api/audit/export")).body().contains("\"action\":\"outbox.redeliver\""));
    }

    @Test
    void redeliveringAnUnknownEventIsNotFound() throws Exception {
        for (String path : List.of("admin/api/outbox/msg_0000/redeliver", "admin/api/outbox/x/y/redeliver",
                "admin/api/outbox/")) {
            HttpResponse<String> response = send(admin(path).header("X-Requested-With", "resguardo-admin")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertProblem(response, 404, "NOT_FOUND");
        }
        HttpResponse<String> get = send(admin("admin/api/outbox/msg_0000/redeliver"));
        assertProblem(get, 405, "METHOD_NOT_ALLOWED");
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void unknownAdminPathsAreNotFoundOnlyAfterAuthentication() throws Exception {
        assertEquals(401, send(HttpRequest.newBuilder(app.jetty.httpsUri().resolve("admin/api/nothing")))
                .statusCode());
        assertProblem(send(admin("admin/api/nothing")), 404, "NOT_FOUND");
    }

    @Test
    void theDashboardCarriesTheCspAndReferencesOnlySameOriginScriptAndCss() throws Exception {
        HttpResponse<String> page = send(admin("admin/"));
        assertEquals(200, page.statusCode());
        assertEquals("text/html", page.headers().firstValue("Content-Type").orElseThrow().split(";")[0].strip());
        assertAdminHeaders(page);
        String html = page.body();
        List<String> references = references(html);
        assertEquals(List.of("admin.css", "admin.js"), references.stream().sorted().toList());
        for (String reference : references) {
            assertFalse(reference.contains(":") || reference.startsWith("//"), reference);
            HttpResponse<String> asset = send(admin("admin/" + reference));
            assertEquals(200, asset.statusCode(), reference);
            assertAdminHeaders(asset);
        }
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline script");
        assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline style or event handler");
        assertTrue(send(admin("admin/admin.js")).body().contains("X-Requested-With"));
    }

    @Test
    void theAdminRootRedirectsToTheDashboard() throws Exception {
        HttpResponse<String> response = send(admin("admin"));
        assertEquals(308, response.statusCode());
        assertEquals(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath(), "/admin/");
    }

    static List<String> references(String html) {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
