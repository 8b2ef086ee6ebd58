package io.resguardo.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.resguardo.web.Problem.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged WAR on a real Apache Tomcat 10.1 ({@link TomcatServer}), configured only through the environment, as
 * the README's Tomcat guide says: the smoke flow an operator runs after a deployment (health, a signed order, a
 * sandbox payment, PAID, preflight, metrics), the admin surface's BASIC authentication through Tomcat's own realm and
 * error-page handling, the problem+json answers Tomcat could otherwise replace with HTML, the dashboard in headless
 * Chromium, and a graceful stop whose undeployment leaves no leak warnings in Tomcat's log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatSmokeIT {
    static final String KEY_ID = "shop-1";
    static final String ADMIN = "ops";
    static final String ADMIN_PASSWORD = TestClients.randomText();
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = TestClients.randomText();
    static final Duration PAID_TIMEOUT = Duration.ofSeconds(20);

    final String secretKey = TestClients.randomText();
    final String accessKey = TestClients.randomText();
    final byte[] apiKey = TestClients.randomBytes(32);
    Path work;
    Path home;
    Path jndiDatabase;
    TomcatServer tomcat;
    TestClients.Shop shop;

    @BeforeAll
    void start() throws Exception {
        work = Deployment.war().getParent().resolve("tomcat-it").resolve("run-" + System.nanoTime());
        home = work.resolve("home");
        jndiDatabase = work.resolve("jndi-db").resolve("resguardo");
        tomcat = TomcatServer.start(work.resolve("base"), List.of(
                new TomcatServer.User(ADMIN, ADMIN_PASSWORD, List.of("resguardo-admin")),
                new TomcatServer.User(VIEWER, VIEWER_PASSWORD, List.of("shop"))), Map.of(
                "RESGUARDO_ENV", "sandbox",
                "RESGUARDO_HOME", home.toString(),
                "RESGUARDO_API_KEYS", KEY_ID + "=" + Base64.getEncoder().encodeToString(apiKey),
                "PAGOEFECTIVO_SERVICE_ID", "1234",
                "PAGOEFECTIVO_ACCESS_KEY", accessKey,
                "PAGOEFECTIVO_SECRET_KEY", secretKey), contextXml(jndiDatabase));
        shop = new TestClients.Shop(tomcat.client(), tomcat.httpsUri(), KEY_ID, apiKey, Clock.systemUTC());
    }

    /**
     * The README's Tomcat context descriptor: settings as a context {@code <Parameter>} (an init-param) and as an
     * {@code <Environment>} entry (JNDI), and the database as a container DataSource named by
     * {@code resguardo/datasource}. The allowlists differ from the sandbox's loopback default in their block count,
     * so the preflight shows that they were read.
     */
    static String contextXml(Path database) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Context>
                  <Parameter name="resguardo.admin.allowlist" value="127.0.0.1/32,::1/128,10.0.0.0/8"
                             override="false"/>
                  <Environment name="resguardo/webhook.allowlist" value="127.0.0.1/32,::1/128,192.0.2.0/24"
                               type="java.lang.String" override="false"/>
                  <Environment name="resguardo/datasource" value="java:comp/env/jdbc/resguardo"
                               type="java.lang.String" override="false"/>
                  <Resource name="jdbc/resguardo" auth="Container" type="javax.sql.DataSource"
                            driverClassName="org.h2.Driver" url="jdbc:h2:file:%s;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                            username="sa" password="" maxTotal="10" maxWaitMillis="3000"
                            defaultTransactionIsolation="READ_COMMITTED"/>
                </Context>
                """.formatted(database);
    }

    @AfterAll
    void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return tomcat.client().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder https(String path) {
        return HttpRequest.newBuilder(tomcat.httpsUri().resolve(path));
    }

    HttpRequest.Builder asAdmin(String path) {
        return https(path).header("Authorization", AdminIT.basic(ADMIN, ADMIN_PASSWORD));
    }

    /** Creates a signed order, pays its CIP through the sandbox and waits until the shop API reads it PAID. */
    JsonObject paidOrder(String transactionCode) throws Exception {
        HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(transactionCode, "150.00"),
                null);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject order = Problem.json(created.body());
        assertEquals("PENDING", order.getString("status"));
        String cip = order.getString("cip");
        assertFalse(cip.isBlank());

        HttpResponse<String> paid = send(https("sandbox/cips/" + cip + "/pay")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(202, paid.statusCode(), paid.body());

        long deadline = System.nanoTime() + PAID_TIMEOUT.toNanos();
        JsonObject read = read(transactionCode);
        while (!read.getString("status").equals("PAID") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            read = read(transactionCode);
        }
        assertEquals("PAID", read.getString("status"), read.toString());
        assertEquals(cip, read.getString("cip"));
        return read;
    }

    JsonObject read(String transactionCode) throws Exception {
        HttpResponse<String> read = shop.get("api/v1/orders/" + transactionCode, null);
        assertEquals(200, read.statusCode(), read.body());
        return Problem.json(read.body());
    }

    @Test
    @Order(1)
    void healthIsUp() throws Exception {
        HttpResponse<String> health = send(https("health"));
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", Problem.json(health.body()).getString("status"));
    }

    @Test
    void aSignedOrderPaidThroughTheSandboxBecomesPaid() throws Exception {
        JsonObject order = paidOrder("TC-" + System.nanoTime());
        assertFalse(order.getString("operationNumber").isBlank());
        assertTrue(order.getString("paidAt").endsWith("-05:00"), order.toString());
    }

    @Test
    void preflightAnswersTheAdmin() throws Exception {
        HttpResponse<String> response = send(asAdmin("admin/api/preflight"));
        assertEquals(200, response.statusCode(), response.body());
        AdminIT.assertAdminHeaders(response);
        JsonObject report = Problem.json(response.body());
        assertEquals(Set.of("ready", "checks"), report.keySet());
        JsonArray checks = report.getJsonArray("checks");
        assertFalse(checks.isEmpty());
        for (JsonObject check : checks.getValuesAs(JsonObject.class)) {
            assertTrue(check.keySet().containsAll(Set.of("id", "status", "detail")), check.toString());
            assertTrue(Set.of("PASS", "WARN", "FAIL").contains(check.getString("status")), check.toString());
        }
        assertEquals("PASS", AdminIT.status(checks, "database"));
        assertEquals("PASS", AdminIT.status(checks, "redaction"), "redaction works under Tomcat's JULI too");
        assertEquals("PASS", AdminIT.status(checks, "https-required"));
    }

    @Test
    void theContextDescriptorsParameterEnvironmentAndDataSourceAreUsed() throws Exception {
        JsonArray checks = Problem.json(send(asAdmin("admin/api/preflight")).body()).getJsonArray("checks");
        assertTrue(detail(checks, "allowlist-admin").contains("3 block(s)"), detail(checks, "allowlist-admin"));
        assertTrue(detail(checks, "allowlist-webhook").contains("3 block(s)"), detail(checks, "allowlist-webhook"));
        assertTrue(detail(checks, "allowlist-api").contains("2 block(s)"), "the loopback default, for contrast");
        assertTrue(Files.isRegularFile(jndiDatabase.resolveSibling("resguardo.mv.db")),
                "the orders live in the DataSource's database");
        assertFalse(Files.exists(home.resolve("db").resolve("resguardo.mv.db")), "not in the default one");
    }

    static String detail(JsonArray checks, String id) {
        return checks.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("id").equals(id))
                .findFirst().orElseThrow().getString("detail");
    }

    /**
     * Tomcat's BASIC authenticator answers {@code authenticate()} with {@code sendError(401)} and the challenge header;
     * the WAR's error page turns the body into problem+json and must leave the challenge in place, or no browser
     * would ever ask for a password.
     */
    @Test
    void withoutCredentialsTomcatChallengesAndTheBodyIsAProblem() throws Exception {
        HttpResponse<String> response = send(https("admin/api/preflight"));
        assertProblem(response, 401, "AUTHENTICATION_REQUIRED");
        assertEquals("Basic realm=\"Resguardo\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        AdminIT.assertAdminHeaders(response);
    }

    @Test
    void aWrongPasswordIsChallengedAgain() throws Exception {
        HttpResponse<String> response = send(https("admin/api/preflight")
                .header("Authorization", AdminIT.basic(ADMIN, "not-" + ADMIN_PASSWORD)));
        assertProblem(response, 401, "AUTHENTICATION_REQUIRED");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic "));
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() throws Exception {
        HttpResponse<String> response = send(https("admin/api/preflight")
                .header("Authorization", AdminIT.basic(VIEWER, VIEWER_PASSWORD)));
        assertProblem(response, 403, "FORBIDDEN");
        assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent());
        AdminIT.assertAdminHeaders(response);
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        HttpResponse<String> response = send(https("metrics"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(response.body().contains("resguardo_http_requests_total{"), response.body());
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> response = tomcat.client().send(HttpRequest.newBuilder(tomcat.httpUri()
                .resolve("api/v1/orders/x")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 403, "HTTPS_REQUIRED");
    }

    @Test
    void unknownPathsAreProblemsNotTomcatPages() throws Exception {
        assertProblem(send(https("no/such/page")), 404, "NOT_FOUND");
        assertProblem(send(https("WEB-INF/web.xml")), 404, "NOT_FOUND");
        assertProblem(send(asAdmin("admin/api/nothing")), 404, "NOT_FOUND");
        assertProblem(send(https("health").DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    /**
     * Headless Chromium logs in (BASIC credentials on every request, as a browser sends them once the user has typed
     * them), opens the dashboard, and must show an order paid through the sandbox, rendered by the dashboard's own
     * script under its Content-Security-Policy; a screenshot is kept as {@code target/dashboard.png}.
     */
    @Test
    void theDashboardShowsASandboxPaymentInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Chromium.EXECUTABLE) || "true".equals(System.getenv("CI")),
                "no " + Chromium.EXECUTABLE + " (CI installs Debian's chromium package)");
        String transactionCode = "UI-" + System.nanoTime();
        JsonObject order = paidOrder(transactionCode);

        try (Chromium chromium = Chromium.start(work.resolve("chromium"), tomcat.certificate().certificate())) {
            Chromium.Page page = chromium.newPage();
            page.call("Runtime.enable", Json.createObjectBuilder());
            page.call("Log.enable", Json.createObjectBuilder());
            page.call("Network.enable", Json.createObjectBuilder());
            page.call("Network.setExtraHTTPHeaders", Json.createObjectBuilder().add("headers",
                    Json.createObjectBuilder().add("Authorization", AdminIT.basic(ADMIN, ADMIN_PASSWORD))));
            page.call("Page.enable", Json.createObjectBuilder());
            JsonObject navigation = page.call("Page.navigate", Json.createObjectBuilder()
                    .add("url", tomcat.httpsUri().resolve("admin/").toString()));
            assertFalse(navigation.containsKey("errorText"), navigation.toString());

            JsonObject shown = awaitOrderRow(page, transactionCode);
            byte[] png = Base64.getDecoder().decode(page.call("Page.captureScreenshot", Json.createObjectBuilder()
                    .add("format", "png").add("captureBeyondViewport", true)).getString("data"));
            Files.write(Deployment.war().getParent().resolve("dashboard.png"), png);

            assertEquals(List.of(transactionCode, "150.00 PEN", "PAID", order.getString("cip"),
                    order.getString("paidAt")), strings(shown.getJsonArray("row")).subList(1, 6));
            assertTrue(shown.getString("status").startsWith("updated"), "every API call answered: " + shown);
            assertEquals("sandbox", shown.getString("environment"));
            assertTrue(shown.getJsonArray("notifications").stream().map(r -> strings(r.asJsonArray()))
                    .anyMatch(r -> r.contains(order.getString("cip")) && r.contains("ACCEPTED")), shown.toString());
            assertTrue(page.events("Runtime.exceptionThrown").isEmpty(), () -> "script errors: "
                    + page.events("Runtime.exceptionThrown"));
            assertTrue(page.events("Log.entryAdded").stream().map(e -> e.getJsonObject("entry"))
                    .noneMatch(e -> e.getString("source").equals("security")), () -> "CSP violations: "
                    + page.events("Log.entryAdded"));
        }
    }

    /** The dashboard's DOM, read once its orders table has a row for {@code transactionCode} (or after 30 s). */
    static JsonObject awaitOrderRow(Chromium.Page page, String transactionCode) throws InterruptedException {
        String script = "(() => {"
                + " const rows = id => [...document.querySelectorAll('#' + id + ' tbody tr')]"
                + "   .map(r => [...r.cells].map(c => c.textContent));"
                + " const row = rows('orders').find(r => r[1] === '" + transactionCode + "');"
                + " return JSON.stringify({ row: row || null,"
                + "   status: document.getElementById('status').textContent,"
                + "   environment: document.getElementById('environment').textContent,"
                + "   notifications: rows('notifications') });"
                + "})()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject dom = null;
        while (System.nanoTime() < deadline) {
            JsonObject result = page.call("Runtime.evaluate", Json.createObjectBuilder().add("expression", script)
                    .add("returnByValue", true)).getJsonObject("result");
            if (result.containsKey("value")) {
                dom = Problem.json(result.getString("value"));
                if (!dom.isNull("row") && dom.getString("status").startsWith("updated")) {
                    return dom;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return fail("the dashboard never listed " + transactionCode + "; last seen: " + dom);
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toList());
    }

    /**
     * Last: the shutdown command undeploys the WAR. Tomcat then looks for threads, ThreadLocals, JDBC drivers and
     * timers the application left behind and logs each as a leak; none may name Resguardo, nothing may be SEVERE,
     * and no secret of this deployment may be in the log.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aGracefulStopLeavesNoLeaks() throws Exception {
        assertTrue(tomcat.stopGracefully(), () -> "Tomcat did not stop within 30 s:\n" + tomcat.logTail());
        String log = tomcat.log();
        assertTrue(log.contains("A valid shutdown command was received"), tomcat::logTail);
        assertTrue(log.contains("Stopping service [Catalina]"), tomcat::logTail);
        List<String> severe = log.lines().filter(l -> l.contains(" SEVERE ")).toList();
        assertEquals(List.of(), severe);
        List<String> leaks = log.lines().filter(l -> l.contains("[" + TomcatServer.CONTEXT + "]")
                && (l.contains("memory leak") || l.contains("failed to stop") || l.contains("failed to unregister")
                || l.contains("failed to remove"))).toList();
        assertEquals(List.of(), leaks);
        for (String secret : List.of(secretKey, accessKey, Base64.getEncoder().encodeToString(apiKey),
                ADMIN_PASSWORD, VIEWER_PASSWORD)) {
            assertFalse(log.contains(secret), "a secret of this deployment is in Tomcat's log");
        }
    }
}
