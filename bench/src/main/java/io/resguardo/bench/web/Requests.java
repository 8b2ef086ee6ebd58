package io.resguardo.bench.web;

import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.HttpRequestView;
import io.resguardo.core.signature.MessageSignatures;
import io.resguardo.core.signature.SignatureHeaders;
import io.resguardo.core.signature.SignatureParameters;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Complete HTTP/1.1 request bytes, built before they are sent: PagoEfectivo's signed {@code cip.paid} notification
 * (PE-Signature computed here with the JCA, independently of core's verifier) and a shop's RFC 9421-signed
 * {@code POST /api/v1/orders} (signed with core, as a shop SDK would).
 */
final class Requests {
    static final String WEBHOOK_PATH = "/webhooks/pagoefectivo";
    static final String ORDERS_PATH = "/api/v1/orders";

    private final String authority;
    private final Mac peMac;
    private final String keyId;
    private final Secret apiKey;
    private final SecureRandom random = new SecureRandom();

    Requests(String host, int port, byte[] peSecretKey, String keyId, Secret apiKey) {
        this.authority = host + ":" + port;
        this.keyId = keyId;
        this.apiKey = apiKey;
        try {
            peMac = Mac.getInstance("HmacSHA256");
            peMac.init(new SecretKeySpec(peSecretKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body PagoEfectivo posts for a paid CIP (CONTRACT section 2), about 200 bytes. */
    static String paidBody(String cip, String operationNumber, String transactionCode) {
        return "{\"eventType\":\"cip.paid\",\"operationNumber\":\"" + operationNumber + "\",\"data\":{\"cip\":\""
                + cip + "\",\"currency\":\"PEN\",\"amount\":150.00,\"paymentDate\":\"2026-11-26T10:15:30-05:00\","
                + "\"transactionCode\":\"" + transactionCode + "\"}}";
    }

    /** A signed {@code cip.paid} notification for one order, keep-alive. Not thread-safe (one Mac). */
    byte[] paidNotification(String cip, String operationNumber, String transactionCode) {
        byte[] body = paidBody(cip, operationNumber, transactionCode).getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(peMac.doFinal(body));
        return request("POST", WEBHOOK_PATH, body, "PE-Signature: " + signature + "\r\n");
    }

    /** The body of a new order of 150.00 PEN expiring in a day. */
    static String orderBody(String transactionCode) {
        return "{\"transactionCode\":\"" + transactionCode + "\",\"amount\":\"150.00\",\"currency\":\"PEN\","
                + "\"paymentConcept\":\"Zapatillas talla 42\",\"expiresAt\":\""
                + OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(1).withNano(0) + "\",\"customer\":{"
                + "\"email\":\"maria.quispe@example.pe\",\"firstName\":\"Maria\",\"lastName\":\"Quispe\","
                + "\"documentType\":\"DNI\",\"documentNumber\":\"45871236\",\"phone\":\"987654321\","
                + "\"countryCode\":\"+51\"}}";
    }

    /** A signed order creation with a fresh nonce and {@code created} now; send it at once. Thread-safe. */
    byte[] createOrder(String transactionCode, long nowEpochSecond) {
        byte[] body = orderBody(transactionCode).getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create("https://" + authority + ORDERS_PATH);
        String digest = ContentDigest.create(body, ContentDigest.Algorithm.SHA_256);
        HttpRequestView view = HttpRequestView.builder("POST", uri).header("Content-Type", "application/json")
                .header("Content-Digest", digest).body(body).build();
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        SignatureParameters parameters = SignatureParameters.builder("sig1").created(nowEpochSecond)
                .nonce(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)).keyId(keyId).alg("hmac-sha256")
                .components("@method", "@target-uri", "content-digest", "content-type").build();
        SignatureHeaders signature = MessageSignatures.sign(view, parameters, apiKey);
        return request("POST", ORDERS_PATH, body, "Content-Digest: " + digest + "\r\nSignature-Input: "
                + signature.signatureInput() + "\r\nSignature: " + signature.signature() + "\r\n");
    }

    /** {@code POST /sandbox/cips/{cip}/pay} with an empty JSON body: the sandbox pays the CIP and notifies. */
    byte[] sandboxPay(String cip) {
        return request("POST", "/sandbox/cips/" + cip + "/pay", "{}".getBytes(StandardCharsets.US_ASCII), "");
    }

    private byte[] request(String method, String path, byte[] body, String extraHeaders) {
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + authority
                + "\r\nContent-Type: application/json\r\n" + extraHeaders + "Content-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }
}
