package io.resguardo.web.sandbox;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.resguardo.web.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxNotificationTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    SandboxHarness sandbox;

    @BeforeAll
    static void certificate() {
        certificate = SelfSignedCertificate.generate(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(SandboxOptions options) throws Exception {
        sandbox = SandboxHarness.start(certificate, options);
    }

    @Test
    void payAnswers202AndTheWebhookGetsOneCorrectlySignedCipPaid() throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("ORDER-1");
        sandbox.clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> response = sandbox.post("cips/" + cip + "/pay", "");

        assertEquals(202, response.statusCode(), response.body());
        JsonObject answer = json(response);
        assertEquals("scheduled", answer.getString("status"));
        assertEquals(cip, answer.getString("cip"));
        Receiver.Received received = sandbox.receiver.next();
        assertTrue(received.signatureValid(), "PE-Signature must be the HMAC of the body with the secret key");
        assertTrue(received.signature().matches("[0-9a-f]{64}"), "lowercase hex");
        JsonObject body = received.json();
        assertEquals("cip.paid", body.getString("eventType"));
        assertEquals(answer.getString("operationNumber"), body.getString("operationNumber"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(cip, data.getString("cip"));
        assertEquals("PEN", data.getString("currency"));
        assertEquals("150.00", data.getJsonNumber("amount").toString());
        assertEquals("2026-11-26T10:25:30-05:00", data.getString("paymentDate"));
        assertEquals("ORDER-1", data.getString("transactionCode"));
        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("DELIVERED", delivery.getString("outcome"));
        assertEquals(1, delivery.getInt("attempts"));
    }

    @ParameterizedTest
    @CsvSource({"expire, cip.expired, expired", "delete, cip.deleted, deleted"})
    void expireAndDeleteSendTheirEvents(String action, String eventType, String status) throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("ORDER-" + action);

        assertEquals(202, sandbox.post("cips/" + cip + "/" + action, "{}").statusCode());

        Receiver.Received received = sandbox.receiver.next();
        assertTrue(received.signatureValid());
        assertEquals(eventType, received.json().getString("eventType"));
        assertEquals(cip, received.json().getJsonObject("data").getString("cip"));
        assertEquals(status, sandbox.page(cip).getString("status"));
    }

    @Test
    void eachEventHasItsOwnOperationNumber() throws Exception {
        start(SandboxHarness.fastOptions());
        String first = sandbox.createCip("A");
        String second = sandbox.createCip("B");
        sandbox.post("cips/" + first + "/expire", "");
        sandbox.post("cips/" + first + "/delete", "");
        sandbox.post("cips/" + second + "/pay", "");

        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(sandbox.receiver.next().json().getString("operationNumber"));
        }

        assertEquals(3, numbers.size());
    }

    @Test
    void aCipCannotBePaidTwiceNorAfterItExpired() throws Exception {
        start(SandboxHarness.fastOptions());
        String paid = sandbox.createCip("TWICE");
        String late = sandbox.createCip("LATE");
        sandbox.post("cips/" + paid + "/pay", "");

        HttpResponse<String> again = sandbox.post("cips/" + paid + "/pay", "");
        sandbox.clock.advance(Duration.ofDays(1));
        HttpResponse<String> expired = sandbox.post("cips/" + late + "/pay", "");

        assertEquals(409, again.statusCode());
        assertEquals("INVALID_TRANSITION", json(again).getString("code"));
        assertEquals(409, expired.statusCode());
        assertEquals(202, sandbox.post("cips/" + late + "/expire", "").statusCode(),
                "a CIP past its expiry can still be expired explicitly, to send the notification");
        assertEquals(409, sandbox.post("cips/" + paid + "/delete", "").statusCode());
        sandbox.receiver.next();
        sandbox.receiver.next();
        sandbox.receiver.assertNoneWithin(QUIET);
    }

    @Test
    void anUnknownCipIs404NotFound() throws Exception {
        start(SandboxHarness.fastOptions());

        HttpResponse<String> response = sandbox.post("cips/12345678/pay", "");

        assertEquals(404, response.statusCode());
        assertEquals("NOT_FOUND", json(response).getString("code"));
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\":1}", "[]", "nope"})
    void aControlBodyOtherThanEmptyOrAnEmptyObjectIs400(String body) throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("BODY");

        HttpResponse<String> response = sandbox.post("cips/" + cip + "/pay", body);

        assertEquals(400, response.statusCode());
        assertEquals("pending", sandbox.page(cip).getString("status"));
    }

    @Test
    void aWebhookFailingTwiceGetsTheSameBytesAgainUntilItAnswers200() throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("RETRY");
        sandbox.receiver.answer(500, 503);

        sandbox.post("cips/" + cip + "/pay", "");

        Receiver.Received first = sandbox.receiver.next();
        Receiver.Received second = sandbox.receiver.next();
        Receiver.Received third = sandbox.receiver.next();
        assertArrayEquals(first.body(), second.body());
        assertArrayEquals(first.body(), third.body());
        assertEquals(first.signature(), third.signature());
        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("DELIVERED", delivery.getString("outcome"));
        assertEquals(3, delivery.getInt("attempts"));
        assertEquals(200, delivery.getInt("lastStatus"));
    }

    @Test
    void a429IsRetried() throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("THROTTLED");
        sandbox.receiver.answer(429);

        sandbox.post("cips/" + cip + "/pay", "");

        sandbox.receiver.next();
        sandbox.receiver.next();
        assertEquals(2, sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0).getInt("attempts"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 409, 422})
    void aClientErrorIsFinalAndNotRetried(int status) throws Exception {
        start(SandboxHarness.fastOptions());
        String cip = sandbox.createCip("FINAL");
        sandbox.receiver.answer(status);

        sandbox.post("cips/" + cip + "/pay", "");

        sandbox.receiver.next();
        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("REJECTED", delivery.getString("outcome"));
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals(status, delivery.getInt("lastStatus"));
    }

    @Test
    void aWebhookThatNeverAnswers2xxIsTriedTheConfiguredNumberOfTimes() throws Exception {
        start(SandboxHarness.fastOptions().withDeliveryAttempts(3));
        String cip = sandbox.createCip("DOWN");
        sandbox.receiver.answer(500, 500, 500, 500);

        sandbox.post("cips/" + cip + "/pay", "");

        sandbox.receiver.next();
        sandbox.receiver.next();
        sandbox.receiver.next();
        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("GAVE_UP", delivery.getString("outcome"));
        assertEquals(3, delivery.getInt("attempts"));
    }

    @Test
    void aConnectionFailureIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sandbox = SandboxHarness.startWithWebhook(certificate, SandboxHarness.fastOptions().withDeliveryAttempts(3),
                URI.create("https://localhost:" + closedPort + "/webhooks/pagoefectivo"));
        String cip = sandbox.createCip("REFUSED");

        sandbox.post("cips/" + cip + "/pay", "");

        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("GAVE_UP", delivery.getString("outcome"));
        assertEquals(3, delivery.getInt("attempts"));
        assertEquals(0, delivery.getInt("lastStatus"));
        assertTrue(delivery.getString("lastError").startsWith("ConnectException"), delivery.toString());
    }

    @Test
    void withoutTheTrustStoreTheSelfSignedWebhookIsNotTrusted() throws Exception {
        sandbox = SandboxHarness.startWithoutTrustStore(certificate,
                SandboxHarness.fastOptions().withDeliveryAttempts(2));
        String cip = sandbox.createCip("UNTRUSTED");

        sandbox.post("cips/" + cip + "/pay", "");

        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("GAVE_UP", delivery.getString("outcome"));
        assertEquals(0, delivery.getInt("lastStatus"));
        assertTrue(delivery.getString("lastError").contains("SSLHandshakeException < ValidatorException"),
                "the certificate is not trusted: " + delivery);
        sandbox.receiver.assertNoneWithin(Duration.ofMillis(50));
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefused() throws Exception {
        // The certificate names localhost, 127.0.0.1 and ::1. 127.0.0.2 is a loopback address on Linux that it
        // does not name: the receiver listens there, so only host-name verification can stop the delivery.
        boolean available;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            available = true;
        } catch (IOException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "127.0.0.2 is not a local address on this machine");
        sandbox = SandboxHarness.startWithReceiverOn(certificate, SandboxHarness.fastOptions()
                .withDeliveryAttempts(1), "127.0.0.2");
        String cip = sandbox.createCip("HOST");

        sandbox.post("cips/" + cip + "/pay", "");

        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("GAVE_UP", delivery.getString("outcome"));
        assertEquals(0, delivery.getInt("lastStatus"));
        assertTrue(delivery.getString("lastError").endsWith("SSLHandshakeException < CertificateException"),
                "the certificate is trusted but does not name the host: " + delivery);
        sandbox.receiver.assertNoneWithin(Duration.ofMillis(50));
    }
}
