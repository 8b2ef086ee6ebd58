package io.resguardo.web.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Stands in for Resguardo's {@code POST /webhooks/pagoefectivo}: records every notification with whether its
 * {@code PE-Signature} is right (checked here with the JDK's HMAC, independently of core), and answers the statuses
 * a test scripts, then 200 (or 401 for a wrong signature, as Resguardo would).
 */
final class Receiver extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** One notification as received. */
    record Received(byte[] body, String signature, boolean signatureValid) {
        JsonObject json() {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        }
    }

    private final transient byte[] secretKey;
    private final transient BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final transient BlockingQueue<Integer> script = new LinkedBlockingQueue<>();

    Receiver(String secretKey) {
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The next statuses to answer, in order, before going back to the default. */
    void answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
    }

    /** The next notification, waiting up to 5 seconds for it. */
    Received next() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(next, "no notification arrived within 5 s");
        return next;
    }

    /** Asserts that no (further) notification arrives within {@code wait}. */
    void assertNoneWithin(Duration wait) throws InterruptedException {
        assertNull(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS), "an unexpected notification arrived");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String signature = request.getHeader("PE-Signature");
        boolean valid = signature != null && MessageDigest.isEqual(hmac(body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        received.add(new Received(body, signature, valid));
        Integer scripted = script.poll();
        response.setStatus(scripted != null ? scripted : valid ? 200 : 401);
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
