package io.resguardo.web;

import com.sun.net.httpserver.HttpServer;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** A shop endpoint on plain loopback HTTP that verifies every callback with core's Standard Webhooks. */
    static final class ShopEndpoint implements AutoCloseable {
        record Received(String id, String type, String transactionCode, String rejection) {
        }

        final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final HttpServer server;

        ShopEndpoint() throws IOException {
            StandardWebhooks verifier = StandardWebhooks.of(secret, Clock.systemUTC());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String rejection = null;
                try {
                    verifier.verify(exchange.getRequestHeaders()::getFirst, body);
                } catch (ResguardoException e) {
                    rejection = e.code().name();
                }
                JsonObject event = Problem.json(new String(body, StandardCharsets.UTF_8));
                received.add(new Received(exchange.getRequestHeaders().getFirst(StandardWebhooks.HEADER_ID),
                        event.getString("type", ""), event.getJsonObject("data").getString("transactionCode", ""),
                        rejection));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Received next() throws InterruptedException {
            Received next = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(next, "no shop callback within 15 s");
            return next;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    abstract static class Flow {
        LogCapture logs;
        ShopEndpoint shopEndpoint;
        Deployment app;
        TestClients.Shop shop;

        abstract Deployment deployment() throws Exception;

        @BeforeAll
        void start() throws Exception {
            logs = new LogCapture();
            shopEndpoint = new ShopEndpoint();
            app = deployment()
                    .set("resguardo.shop.webhook.url", shopEndpoint.url())
                    .set("resguardo.shop.webhook.secret", shopEndpoint.secret.revealEncoded())
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
            HttpRequest.Builder request = HttpRequest.newBuilder(app.jetty.httpsUri().resolve(path))
                    .timeout(Duration.ofSeconds(30));
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json));
            }
            return app.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            ShopEndpoint.Received callback = shopEndpoint.next();
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
            ShopEndpoint.Received callback = shopEndpoint.next();
            assertEquals("payment.expired", callback.type());
        }

        @Test
        void duplicatedNotificationsHaveOneEffect() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults", "{\"duplicateNotifications\":3}").statusCode());
            String code = newCode();
            String cip = createdCip(code);
            assertEquals(202, sandbox("POST", "sandbox/cips/" + cip + "/pay", "{}").statusCode());
            awaitStatus(code, "PAID");
            ShopEndpoint.Received callback = shopEndpoint.next();
            assertEquals(code, callback.transactionCode());
            TimeUnit.SECONDS.sleep(2);
            List<ShopEndpoint.Received> more = new ArrayList<>();
            shopEndpoint.received.drainTo(more);
            assertTrue(more.stream().noneMatch(r -> r.transactionCode().equals(code)), "one callback per payment");
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
        void aCreationWithoutAnswerKeepsTheOrderPendingAndIsNotRepeated() throws Exception {
            assertEquals(200, sandbox("PUT", "sandbox/faults",
                    "{\"timeoutAfterCreate\":true,\"stallMs\":12000}").statusCode());
            String code = newCode();
            HttpResponse<String> created = create(code);
            assertEquals(502, created.statusCode(), created.body());
            assertEquals("UPSTREAM_UNAVAILABLE", Problem.json(created.body()).getString("code"));
            sandbox("DELETE", "sandbox/faults", null);

            JsonObject order = order(code);
            assertEquals("PENDING", order.getString("status"));
            assertFalse(order.containsKey("cip") && !order.isNull("cip"), "no CIP is known for it");
            HttpResponse<String> again = create(code);
            assertEquals(200, again.statusCode(), "the same order again, not a second CIP request");
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
