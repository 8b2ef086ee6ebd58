package io.resguardo.web;

import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.HttpRequestView;
import io.resguardo.core.signature.MessageSignatures;
import io.resguardo.core.signature.SignatureHeaders;
import io.resguardo.core.signature.SignatureParameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Over-the-wire clients for the integration tests: a signing shop, PagoEfectivo's notifier, and credentials. */
final class TestClients {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestClients() {
    }

    /** A random secret as PagoEfectivo issues them (32 URL-safe characters). */
    static String randomText() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** PE-Signature computed independently of core: lower-case hex HMAC-SHA256 over the raw body. */
    static String peSignature(String secretKey, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String paidJson(String cip, String operationNumber, String amount, String currency) {
        return "{\"eventType\":\"cip.paid\",\"operationNumber\":\"" + operationNumber + "\",\"data\":{\"cip\":\""
                + cip + "\",\"currency\":\"" + currency + "\",\"amount\":" + amount
                + ",\"paymentDate\":\"2026-11-26T10:15:30-05:00\",\"transactionCode\":\"x\"}}";
    }

    /** PagoEfectivo posting a notification. */
    static final class Notifier {
        private final HttpClient client;
        private final URI base;
        private final String secretKey;

        Notifier(HttpClient client, URI base, String secretKey) {
            this.client = client;
            this.base = base;
            this.secretKey = secretKey;
        }

        HttpResponse<String> post(String body, String forwardedFor) throws IOException, InterruptedException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return send(bytes, peSignature(secretKey, bytes), forwardedFor);
        }

        HttpResponse<String> send(byte[] body, String signature, String forwardedFor)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("webhooks/pagoefectivo"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (signature != null) {
                request.header("PE-Signature", signature);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A shop calling the API with RFC 9421 signatures (core signs; the server verifies independently of it). */
    static final class Shop {
        private final HttpClient client;
        private final URI base;
        private final String keyId;
        private final Secret key;
        private final Clock clock;

        Shop(HttpClient client, URI base, String keyId, byte[] key, Clock clock) {
            this.client = client;
            this.base = base;
            this.keyId = keyId;
            this.key = Secret.ofBytes(key);
            this.clock = clock;
        }

        HttpResponse<String> post(String path, String json, String forwardedFor) throws IOException,
                InterruptedException {
            return send("POST", path, json.getBytes(StandardCharsets.UTF_8), forwardedFor, randomText(), 0);
        }

        HttpResponse<String> get(String path, String forwardedFor) throws IOException, InterruptedException {
            return send("GET", path, null, forwardedFor, randomText(), 0);
        }

        /** Full control: the nonce and a shift of {@code created} from now. */
        HttpResponse<String> send(String method, String path, byte[] body, String forwardedFor, String nonce,
                                  long createdShiftSeconds) throws IOException, InterruptedException {
            return client.send(request(method, path, body, forwardedFor, nonce, createdShiftSeconds).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String method, String path, byte[] body, String forwardedFor, String nonce,
                                    long createdShiftSeconds) {
            URI uri = base.resolve(path);
            Map<String, String> headers = new LinkedHashMap<>();
            HttpRequestView.Builder view = HttpRequestView.builder(method, uri);
            SignatureParameters.Builder parameters = SignatureParameters.builder("sig1")
                    .created(clock.instant().getEpochSecond() + createdShiftSeconds).nonce(nonce).keyId(keyId)
                    .alg("hmac-sha256");
            if (body != null) {
                headers.put("Content-Type", "application/json");
                headers.put("Content-Digest", ContentDigest.create(body, ContentDigest.Algorithm.SHA_256));
                parameters.components("@method", "@target-uri", "content-digest", "content-type");
            } else {
                parameters.components("@method", "@target-uri");
            }
            headers.forEach(view::header);
            if (body != null) {
                view.body(body);
            }
            SignatureHeaders signature = MessageSignatures.sign(view.build(), parameters.build(), key);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            request.header("Signature-Input", signature.signatureInput()).header("Signature", signature.signature());
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return request;
        }
    }
}
