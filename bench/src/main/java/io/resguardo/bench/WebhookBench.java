package io.resguardo.bench;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.pagoefectivo.VerifiedNotification;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.VerifiedWebhook;
import io.resguardo.core.webhook.WebhookSecret;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Webhook signature checks against a bare JCA HMAC-SHA256 over the same bytes with a reused {@link Mac}. Targets:
 * {@code peSignatureVerify} within 1.3x of {@code bareHmac}, under 200 bytes allocated per check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookBench {
    private static final String KEY_TEXT = "Bench-Key-5Rq8Xm2Vt7Lp4Kz9";
    private static final long TIMESTAMP = 1_767_225_600L;
    private static final String MSG_ID = "msg_2kX9pLq7Vt3Nw8Hs";

    @Param({"600", "16384"})
    public int bodySize;

    private byte[] body;
    private Mac bareMac;
    private NotificationVerifier peVerifier;
    private String peSignature;
    private StandardWebhooks standardWebhooks;
    private String timestamp;
    private String webhookSignature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        body = new byte[bodySize];
        new Random(1).nextBytes(body);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);

        bareMac = Mac.getInstance("HmacSHA256");
        bareMac.init(new SecretKeySpec(KEY_TEXT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        KeyRing ring = KeyRing.ofCurrentAndPrevious(Secret.ofText(KEY_TEXT), null, null, null, clock);
        peVerifier = NotificationVerifier.of(ring);
        peSignature = NotificationVerifier.sign(ring, body);

        standardWebhooks = StandardWebhooks.of(WebhookSecret.generate(new SecureRandom()), clock);
        timestamp = Long.toString(TIMESTAMP);
        webhookSignature = standardWebhooks.sign(MSG_ID, TIMESTAMP, body);
    }

    @Benchmark
    public byte[] bareHmac() {
        return bareMac.doFinal(body);
    }

    @Benchmark
    public VerifiedNotification peSignatureVerify() throws ResguardoException {
        return peVerifier.verify(body, peSignature);
    }

    @Benchmark
    public VerifiedWebhook standardWebhooksVerify() throws ResguardoException {
        return standardWebhooks.verify(MSG_ID, timestamp, webhookSignature, body);
    }
}
