package io.resguardo.web.sandbox;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import static io.resguardo.web.sandbox.SandboxAuthorizationTest.assertRefused;
import static io.resguardo.web.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxFaultsTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    SandboxHarness sandbox;

    @BeforeAll
    static void certificate() {
        certificate = SelfSignedCertificate.generate(dir);
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxHarness.start(certificate, SandboxHarness.fastOptions());
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private JsonObject fault(String settings) throws Exception {
        HttpResponse<String> response = sandbox.send("PUT", "faults", settings);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    @Test
    void noFaultIsOnAtStart() throws Exception {
        JsonObject faults = json(sandbox.send("GET", "faults", null));

        assertEquals(0, faults.getInt("latencyMs"));
        assertEquals(0, faults.getInt("failCreates"));
        assertFalse(faults.getBoolean("timeoutAfterCreate"));
        assertFalse(faults.getBoolean("dropNotifications"));
        assertFalse(faults.getBoolean("duplicateNotifications"));
        assertEquals(1, faults.getInt("notificationCopies"));
        assertFalse(faults.getBoolean("wrongSignature"));
    }

    @Test
    void latencyDelaysEveryApiAnswer() throws Exception {
        fault("{\"latencyMs\":250}");

        long start = System.nanoTime();
        sandbox.token();
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertTrue(elapsed >= 250, "answered after " + elapsed + " ms");
    }

    @Test
    void failCreatesAnswersTheNextCreations500Code166WithoutCreating() throws Exception {
        fault("{\"failCreates\":2}");

        assertRefused(sandbox.api("POST", "v1/cips", sandbox.cipRequest("F").build().toString()), 500, "166");
        assertEquals(1, json(sandbox.send("GET", "faults", null)).getInt("failCreates"));
        assertRefused(sandbox.api("POST", "v1/cips", sandbox.cipRequest("F").build().toString()), 500, "166");

        sandbox.createCip("F");
        assertEquals(0, json(sandbox.send("GET", "faults", null)).getInt("failCreates"));
    }

    @Test
    void timeoutAfterCreateStoresTheCipButAnswersAfterTheClientGaveUp() throws Exception {
        fault("{\"timeoutAfterCreate\":true,\"stallMs\":1500}");
        HttpRequest request = HttpRequest.newBuilder(sandbox.sandbox().resolve("v1/cips"))
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + sandbox.token())
                .POST(HttpRequest.BodyPublishers.ofString(sandbox.cipRequest("STALL").build().toString()))
                .build();

        assertThrows(HttpTimeoutException.class, () -> sandbox.http.send(request,
                HttpResponse.BodyHandlers.ofString()));

        sandbox.send("DELETE", "faults", null);
        HttpResponse<String> again = sandbox.api("POST", "v1/cips", sandbox.cipRequest("STALL").build().toString());
        assertRefused(again, 400, "113");
        assertEquals("114", json(again).getJsonArray("data").getJsonObject(0).getString("code"),
                "the timed-out creation did create the CIP");
    }

    @Test
    void dropNotificationsChangesTheCipButSendsNothing() throws Exception {
        fault("{\"dropNotifications\":true}");
        String cip = sandbox.createCip("DROP");

        assertEquals(202, sandbox.post("cips/" + cip + "/pay", "").statusCode());

        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject page = sandbox.page(cip);
        assertEquals("paid", page.getString("status"));
        assertEquals("DROPPED", page.getJsonArray("notifications").getJsonObject(0).getString("outcome"));
    }

    @Test
    void duplicateNotificationsSendsTheSameNotificationTwice() throws Exception {
        fault("{\"duplicateNotifications\":true}");
        String cip = sandbox.createCip("DUP");

        sandbox.post("cips/" + cip + "/pay", "");

        Receiver.Received first = sandbox.receiver.next();
        Receiver.Received second = sandbox.receiver.next();
        assertArrayEquals(first.body(), second.body());
        assertTrue(first.signatureValid() && second.signatureValid());
        sandbox.receiver.assertNoneWithin(QUIET);
    }

    @Test
    void duplicateNotificationsTakesANumberOfCopies() throws Exception {
        assertEquals(3, fault("{\"duplicateNotifications\":3}").getInt("notificationCopies"));
        String cip = sandbox.createCip("DUP3");

        sandbox.post("cips/" + cip + "/expire", "");

        for (int i = 0; i < 3; i++) {
            assertEquals("cip.expired", sandbox.receiver.next().json().getString("eventType"));
        }
        sandbox.receiver.assertNoneWithin(QUIET);
    }

    @Test
    void wrongSignatureSendsAWellFormedSignatureThatDoesNotVerify() throws Exception {
        fault("{\"wrongSignature\":true}");
        String cip = sandbox.createCip("WRONG");

        sandbox.post("cips/" + cip + "/pay", "");

        Receiver.Received received = sandbox.receiver.next();
        assertFalse(received.signatureValid());
        assertTrue(received.signature().matches("[0-9a-f]{64}"));
        sandbox.receiver.assertNoneWithin(QUIET);
        JsonObject delivery = sandbox.settled(cip, 0).getJsonArray("notifications").getJsonObject(0);
        assertEquals("REJECTED", delivery.getString("outcome"), "the webhook's 401 is final");
        assertFalse(delivery.getBoolean("correctlySigned"));
    }

    @Test
    void putChangesOnlyTheGivenFaultsAndDeleteResetsAll() throws Exception {
        fault("{\"latencyMs\":5,\"dropNotifications\":true}");

        JsonObject merged = fault("{\"wrongSignature\":true}");
        assertEquals(5, merged.getInt("latencyMs"));
        assertTrue(merged.getBoolean("dropNotifications"));
        assertTrue(merged.getBoolean("wrongSignature"));

        HttpResponse<String> reset = sandbox.send("DELETE", "faults", null);
        assertEquals(200, reset.statusCode());
        assertEquals(json(sandbox.send("GET", "faults", null)), json(reset));
        assertEquals(0, json(reset).getInt("latencyMs"));
        assertFalse(json(reset).getBoolean("wrongSignature"));
    }

    @Test
    void postWorksLikePut() throws Exception {
        assertEquals(200, sandbox.post("faults", "{\"failCreates\":1}").statusCode());

        assertEquals(1, json(sandbox.send("GET", "faults", null)).getInt("failCreates"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"latency\":1}", "{\"latencyMs\":-1}", "{\"latencyMs\":\"5\"}",
            "{\"dropNotifications\":1}", "{\"duplicateNotifications\":0}", "{\"stallMs\":600001}"})
    void anInvalidFaultIs422NamingItAndChangesNothing(String settings) throws Exception {
        HttpResponse<String> response = sandbox.send("PUT", "faults", settings);

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("VALIDATION_FAILED", json(response).getString("code"));
        assertEquals(1, json(response).getJsonArray("errors").size());
        assertEquals(json(sandbox.send("DELETE", "faults", null)), json(sandbox.send("GET", "faults", null)));
    }

    @Test
    void faultsDoNotSlowTheSandboxOwnEndpoints() throws Exception {
        String cip = sandbox.createCip("OWN");
        fault("{\"latencyMs\":2000}");

        long start = System.nanoTime();
        sandbox.post("cips/" + cip + "/pay", "");
        sandbox.page(cip);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
    }
}
