package io.resguardo.web;

import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox end to end, with the packaged WAR in embedded Jetty: a signed order gets a CIP from the sandbox,
 * {@code POST /sandbox/cips/{cip}/pay} sends the signed notification, the order becomes PAID, and the shop's
 * receiver gets a verified {@code payment.succeeded}. Once with the sandbox used in-process (no
 * {@code PAGOEFECTIVO_BASE_URL}, how a sandbox deployment works on any container), once over the wire (the base URL
 * is the WAR's own {@code /sandbox} over HTTPS, trusted through {@code PAGOEFECTIVO_TRUSTSTORE}), where the faults
 * are exercised too.
 */
class SandboxFlowIT {
    static final AtomicInteger CODES = new AtomicInteger();

    abstract static class Flow {
        final Operator operator = new Operator("ops");
        LogCapture logs;
        ShopEndpoint shopEndpoint;
        Deployment app;
        TestClients.Shop shop;

        abstract Deployment deployment() throws Exception;

        @BeforeAll
        void start() throws Exception {
            logs = new LogCapture();
            shopEndpoint = new ShopEndpoint();
            app = operator.on(deployment())
                    .set("resguardo.shop.webhook.url", shopEndpoint.url())
                    .set("resguardo.shop.webhook.secret", shopEndpoint.secret.revealEncoded())
                    .set("resguardo.reconcile.interval", "PT1S")
                    .set("resguardo.alert.signature.failures", "1/PT1M")
                    .start();
            shop = app.shop();
        }

        @AfterAll
        void stop() {
            if (app != null) {
                app.close();
            }
            shopEndpoint.close();
            logs.close();
            logs.assertNoneContain(app.secrets());
            logs.assertNoneContain(operator.password);
        }

        @AfterEach
        void faultsOff() throws Exception {
            sandbox("DELETE", "sandbox/faults", null);
        }

        String newCode() {
            return "SBX-" + System.nanoTime() + "-" + CODES.incrementAndGet();
        }

        HttpResponse<String> create(String code) throws Exception {
            return shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00"), null);
        }

        HttpResponse<String> sandbox(String method, String path, String json) throws Exception {
            return app.call(method, path, json);
        }

        JsonObject order(String code) throws Exception {
            HttpResponse<String> read = shop.get("api/v1/orders/" + code, null);
            assertEquals(200, read.statusCode(), read.body());
            return Problem.json(read.body());
        }

        JsonObject awaitStatus(String code, String status) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonObject order = order(code);
            while (!order.getString("status").equals(status) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                order = order(code);
            }
            assertEquals(status, order.getString("status"), order.toString());
            return order;
        }

        String createdCip(String code) throws Exception {
            HttpResponse<String> created = create(code);
            assertEquals(201, created.statusCode(), created.body());
            JsonObject order = Problem.json(created.body());
            assertTrue(order.getString("cipUrl").contains("/sandbox/cips/" + order.getString("cip")),
                    order.toString());
            return order.getString("cip");
        }

        @Test
        void aSandboxPaymentMarksTheOrderPaidAndTheShopHearsOfIt() throws Exception {
            String code = newCode();
            String cip = createdCip(code);

            HttpResponse<String> paid = sandbox("POST", "sandbox/cips/" + cip + "/pay", "{}");
            assertEquals(202, paid.statusCode(), paid.body());
            String operation = Problem.json(paid.body()).getString("operationNumber");

            JsonObject order = awaitStatus(code, "PAID");
            assertEquals(operation, order.getString("operationNumber"));
            ShopEndpoint.Received callback = shopEndpoint.awaitAccepted(code, Duration.ofSeconds(15));
            assertNull(callback.rejection(), "the callback must verify with the shop's secret");
            assertEquals("payment.succeeded", callback.type());
            assertEquals(code, callback.transactionCode());
        }

        @Test
        void anExpiredCipExpiresTheOrder() throws Exception {
            String code = newCode();
            String cip = createdCip(code);
            assertEquals(202, sandbox("POST", "sandbox/cips/" + cip + "/expire", "").statusCode());
            awaitStatus(code, "EXPIRED");
            ShopEndpoint.Received callback = shopEndpoint.awaitAccepted(code, Duration.ofSeconds(15));
            assertEquals("payment.expired", callback.type());
        }

        @Test
        void duplicatedNotificationsHaveOneEffect() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"duplicateNotifications\":3}").statusCode());
            String code = newCode();
            String cip = createdCip(code);
            assertEquals(202, sandbox("POST", "sandbox/cips/" + cip + "/pay", "{}").statusCode());
            awaitStatus(code, "PAID");
            ShopEndpoint.Received callback = shopEndpoint.awaitAccepted(code, Duration.ofSeconds(15));
            TimeUnit.SECONDS.sleep(2);
            assertEquals(List.of(callback), shopEndpoint.attemptsFor(code), "one callback per payment");
            JsonObject page = Problem.json(sandbox("GET", "sandbox/cips/" + cip, null).body());
            assertEquals(3, page.getJsonArray("notifications").size());
        }

        @Test
        void aWronglySignedNotificationChangesNothingAndRaisesNoPayment() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"wrongSignature\":true}").statusCode());
            String code = newCode();
            String cip = createdCip(code);
            assertEquals(202, sandbox("POST", "sandbox/cips/" + cip + "/pay", "{}").statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String outcome = "";
            while (System.nanoTime() < deadline && !outcome.equals("REJECTED")) {
                TimeUnit.MILLISECONDS.sleep(100);
                JsonObject page = Problem.json(sandbox("GET", "sandbox/cips/" + cip, null).body());
                outcome = page.getJsonArray("notifications").getJsonObject(0).getString("outcome");
            }
            assertEquals("REJECTED", outcome, "the webhook refuses a wrong signature (401)");
            assertEquals("PENDING", order(code).getString("status"));
            // The alert monitor samples every 10 s; this deployment alerts on a single authentication failure.
            long alertDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
            while (System.nanoTime() < alertDeadline && !logs.contains("ALERT signature_failures")) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertTrue(logs.contains("ALERT signature_failures"), "the wrong signature raised the alert");
        }

        @Test
        void anAmountOverTheMerchantsMaximumIsRefusedNamingTheFieldAndTheOrderFails() throws Exception {
            String code = newCode();
            HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(code, "150000.00"), null);
            assertEquals(422, created.statusCode(), created.body());
            JsonObject problem = Problem.json(created.body());
            assertEquals("VALIDATION_FAILED", problem.getString("code"));
            assertEquals("amount", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            assertEquals("FAILED", order(code).getString("status"), "no CIP will ever come for it");
        }

        @Test
        void aDroppedNotificationIsFoundByTheOperatorsCheckAndTheShopHearsOnce() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"dropNotifications\":true}").statusCode());
            String code = newCode();
            String cip = createdCip(code);
            HttpResponse<String> paid = sandbox("POST", "sandbox/cips/" + cip + "/pay", "{}");
            assertEquals(202, paid.statusCode(), paid.body());
            String operation = Problem.json(paid.body()).getString("operationNumber");
            TimeUnit.SECONDS.sleep(2);
            JsonObject page = Problem.json(sandbox("GET", "sandbox/cips/" + cip, null).body());
            assertEquals("DROPPED", page.getJsonArray("notifications").getJsonObject(0).getString("outcome"));
            assertEquals("PENDING", order(code).getString("status"), "nothing arrived, and no check is due yet");

            HttpResponse<String> checked = operator.reconcile(app, code);

            assertEquals(200, checked.statusCode(), checked.body());
            JsonObject after = Problem.json(checked.body());
            assertEquals("PAID", after.getString("status"));
            assertEquals(operation, after.getString("operationNumber"));
            assertEquals("PAID", order(code).getString("status"));
            ShopEndpoint.Received callback = shopEndpoint.awaitAccepted(code, Duration.ofSeconds(15));
            assertNull(callback.rejection());
            assertEquals("payment.succeeded", callback.type());

            HttpResponse<String> again = operator.reconcile(app, code);
            assertEquals(200, again.statusCode(), "nothing to do is not an error");
            assertEquals("PAID", Problem.json(again.body()).getString("status"));
            TimeUnit.SECONDS.sleep(2);
            assertEquals(List.of(callback), shopEndpoint.attemptsFor(code), "the shop hears of it once");
            List<JsonObject> audit = operator.audit(app).stream()
                    .filter(e -> e.getString("subject").equals(code)).toList();
            assertEquals(2, audit.stream().filter(e -> e.getString("action").equals("order.reconcile_requested")
                    && e.getString("actor").equals("admin:ops")).count(), audit.toString());
            assertEquals(1, audit.stream().filter(e -> e.getString("action").equals("order.paid")
                    && e.getString("actor").equals("reconciler")).count(), audit.toString());
        }

        @Test
        void theOperatorsCheckNeedsAKnownOrderThePostAndTheHeader() throws Exception {
            HttpResponse<String> unknown = operator.reconcile(app, "NO-SUCH-ORDER");
            Problem.assertProblem(unknown, 404, "NOT_FOUND");
            Problem.assertProblem(operator.reconcile(app, "a/b"), 404, "NOT_FOUND");
            String code = newCode();
            createdCip(code);
            Problem.assertProblem(operator.send(app, operator.request(app, "admin/api/orders/" + code + "/reconcile")
                    .POST(HttpRequest.BodyPublishers.noBody())), 403, "FORBIDDEN");
            Problem.assertProblem(operator.send(app, operator.request(app,
                    "admin/api/orders/" + code + "/reconcile")), 405, "METHOD_NOT_ALLOWED");
            HttpResponse<String> pending = operator.reconcile(app, code);
            assertEquals(200, pending.statusCode(), pending.body());
            assertEquals("PENDING", Problem.json(pending.body()).getString("status"), "the CIP is still unpaid");
        }

        @Test
        void theSandboxIsServedOnlyOverHttps() throws Exception {
            HttpResponse<String> plain = app.client().send(HttpRequest.newBuilder(
                    app.jetty.httpUri().resolve("sandbox/faults")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, plain.statusCode());
            assertEquals("HTTPS_REQUIRED", Problem.json(plain.body()).getString("code"));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InProcess extends Flow {
        @Override
        Deployment deployment() throws Exception {
            return new Deployment();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OverTheWire extends Flow {
        @Override
        Deployment deployment() throws Exception {
            Path dir = Files.createTempDirectory("resguardo-sandbox-it-");
            SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir.resolve("tls"));
            int port = freePort();
            Deployment deployment = new Deployment();
            return deployment.serving(certificate, port)
                    .set("pagoefectivo.base.url", "https://localhost:" + port + "/sandbox")
                    .set("pagoefectivo.truststore", certificate.truststore(dir).toString())
                    .set("pagoefectivo.truststore.password", new String(certificate.password()));
        }

        @Test
        void aFailingCreationIsRetriedAndIssuesOneCip() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"failCreates\":2}").statusCode());
            String code = newCode();
            String cip = createdCip(code);
            assertFalse(cip.isBlank());
            JsonObject faults = Problem.json(sandbox("GET", "sandbox/faults", null).body());
            assertEquals(0, faults.getInt("failCreates"), "both failures were used up by the client's retries");
        }

        @Test
        void aCreationWithoutAnswerKeepsTheOrderPendingIsNeverRepeatedAndExpires() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults",
                    "{\"timeoutAfterCreate\":true,\"stallMs\":12000}").statusCode());
            String code = newCode();
            // The client gives up after 10 s; the order expires a little later, unpaid, as nobody saw its CIP.
            OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusSeconds(20).withNano(0);
            HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00", expiry),
                    null);
            assertEquals(502, created.statusCode(), created.body());
            assertEquals("UPSTREAM_UNAVAILABLE", Problem.json(created.body()).getString("code"));
            sandbox("DELETE", "sandbox/faults", null);

            JsonObject order = order(code);
            assertEquals("PENDING", order.getString("status"));
            assertFalse(order.containsKey("cip") && !order.isNull("cip"), "no CIP is known for it");
            HttpResponse<String> again = shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00", expiry), null);
            assertEquals(200, again.statusCode(), "the same order again, not a second CIP request");
            HttpResponse<String> checked = operator.reconcile(app, code);
            assertEquals(200, checked.statusCode(), checked.body());
            assertEquals("PENDING", Problem.json(checked.body()).getString("status"), "nothing to ask by: no CIP");

            awaitStatus(code, "EXPIRED");
            assertEquals("payment.expired", shopEndpoint.awaitAccepted(code, Duration.ofSeconds(15)).type());
            JsonObject issued = Problem.json(sandbox("GET", "sandbox/cips?transactionCode=" + code, null).body());
            assertEquals(1, issued.getInt("creationRequests"), "PagoEfectivo was asked for a CIP once: " + issued);
            assertEquals(1, issued.getJsonArray("cips").size(), issued.toString());
        }

        @Test
        void slowPagoEfectivoIsAnsweredWith502AndTheOrderIsKept() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"latencyMs\":12000}").statusCode());
            String code = newCode();
            HttpResponse<String> created = create(code);
            assertEquals(502, created.statusCode(), created.body());
            sandbox("DELETE", "sandbox/faults", null);
            assertEquals("PENDING", order(code).getString("status"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
