package io.resguardo.bench;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.HttpRequestView;
import io.resguardo.core.signature.KeyResolver;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.MessageSignatures;
import io.resguardo.core.signature.SignatureHeaders;
import io.resguardo.core.signature.SignatureParameters;
import io.resguardo.core.signature.SignaturePolicy;
import io.resguardo.core.signature.VerifiedSignature;
import io.resguardo.core.time.TimestampWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifying a typical signed order POST under the shop-API policy (about 250 body bytes, covered
 * {@code content-digest} checked against the body, nonce registry that always accepts, fixed clock), beside a bare
 * JCA HMAC-SHA256 of the same signature base as the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageSignatureBench {
    private static final long CREATED = 1_764_170_130L;
    private static final byte[] KEY_BYTES = new byte[32];

    static {
        for (int i = 0; i < KEY_BYTES.length; i++) {
            KEY_BYTES[i] = (byte) (i + 1);
        }
    }

    private HttpRequestView request;
    private MessageSignatureVerifier verifier;
    private byte[] base;
    private SecretKeySpec keySpec;

    @Setup
    public void setUp() throws ResguardoException {
        byte[] body = ("{\"transactionCode\":\"ORD-1001\",\"amount\":\"150.00\",\"currency\":\"PEN\","
                + "\"paymentConcept\":\"Pedido 1001\",\"expiresAt\":\"2026-12-01T21:00:00-05:00\","
                + "\"customer\":{\"email\":\"ana@example.com\",\"phone\":\"987654321\",\"countryCode\":\"+51\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Secret key = Secret.ofBytes(KEY_BYTES);
        HttpRequestView.Builder builder = HttpRequestView.builder("POST",
                        URI.create("https://pay.shop.example/api/v1/orders"))
                .header("Content-Type", "application/json")
                .header("Content-Digest", ContentDigest.create(body, ContentDigest.Algorithm.SHA_256))
                .body(body);
        SignatureParameters parameters = SignatureParameters.builder("sig1")
                .components("@method", "@target-uri", "content-digest", "content-type")
                .created(CREATED).nonce("b3f1c2d4e5a6978812345678").keyId("shop-1").build();
        SignatureHeaders headers = MessageSignatures.sign(builder.build(), parameters, key);
        request = builder.header("Signature-Input", headers.signatureInput())
                .header("Signature", headers.signature()).build();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC);
        verifier = new MessageSignatureVerifier(SignaturePolicy.shopApi(),
                KeyResolver.of(Map.of("shop-1", List.of(key))), TimestampWindow.withDefaultTolerance(clock),
                (keyId, nonce, expiresAt) -> { });
        base = MessageSignatures.signatureBase(request,
                MessageSignatures.parseSignatureInput(headers.signatureInput()).get("sig1"))
                .getBytes(StandardCharsets.US_ASCII);
        keySpec = new SecretKeySpec(KEY_BYTES, "HmacSHA256");
        verifier.verify(request);
    }

    @Benchmark
    public VerifiedSignature verifyShopOrder() throws ResguardoException {
        return verifier.verify(request);
    }

    @Benchmark
    public byte[] jcaHmacSha256OfBase() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(keySpec);
        return mac.doFinal(base);
    }
}
