package io.resguardo.core.webhook;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.time.TimestampOutOfRangeException;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardWebhooksTest {
    private static final JsonObject VECTOR = Vectors.load("standard-webhooks.json");
    private static final long TS = 1_767_225_600L;
    private static final String ID = "msg_2kX9pLq7Vt";
    private static final byte[] BODY = "{\"type\":\"payment.succeeded\",\"data\":{\"cip\":\"2523136\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final WebhookSecret secret = WebhookSecret.generate(random);
    private final WebhookSecret older = WebhookSecret.generate(random);
    private final MutableClock clock = MutableClock.atEpochSecond(TS);
    private final StandardWebhooks webhooks = StandardWebhooks.of(List.of(secret, older),
            TimestampWindow.withDefaultTolerance(clock));
    private final StandardWebhooks olderOnly = StandardWebhooks.of(older, clock);

    @Test
    void reproducesThePublishedSignature() throws ResguardoException {
        long timestamp = VECTOR.getJsonNumber("timestamp").longValueExact();
        byte[] payload = VECTOR.getString("payload").getBytes(StandardCharsets.UTF_8);
        String msgId = VECTOR.getString("msgId");
        StandardWebhooks vector = StandardWebhooks.of(WebhookSecret.parse(VECTOR.getString("secret")),
                MutableClock.atEpochSecond(timestamp));
        assertEquals(VECTOR.getString("signature"), vector.sign(msgId, timestamp, payload));
        VerifiedWebhook verified = vector.verify(msgId, Long.toString(timestamp), VECTOR.getString("signature"),
                payload);
        assertEquals(msgId, verified.id());
        assertEquals(Instant.ofEpochSecond(timestamp), verified.timestamp());
    }

    @Test
    void refusesThePublishedMessageOutsideTheToleranceEitherWay() {
        long timestamp = VECTOR.getJsonNumber("timestamp").longValueExact();
        byte[] payload = VECTOR.getString("payload").getBytes(StandardCharsets.UTF_8);
        WebhookSecret vectorSecret = WebhookSecret.parse(VECTOR.getString("secret"));
        Duration beyond = TimestampWindow.DEFAULT_TOLERANCE.plusSeconds(1);
        for (Instant now : List.of(Instant.ofEpochSecond(timestamp).plus(beyond),
                Instant.ofEpochSecond(timestamp).minus(beyond))) {
            StandardWebhooks vector = StandardWebhooks.of(vectorSecret, MutableClock.at(now));
            ResguardoException e = assertCode(ErrorCode.TIMESTAMP_OUT_OF_RANGE, () -> vector.verify(
                    VECTOR.getString("msgId"), Long.toString(timestamp), VECTOR.getString("signature"), payload));
            TimestampOutOfRangeException range = assertInstanceOf(TimestampOutOfRangeException.class, e);
            assertEquals(beyond.abs(), range.skew().abs());
            assertEquals(now.isBefore(Instant.ofEpochSecond(timestamp)), !range.skew().isNegative());
        }
    }

    @Test
    void acceptsTimestampsAtTheEdgeOfTheTolerance() throws ResguardoException {
        String signature = webhooks.sign(ID, TS, BODY);
        clock.advance(TimestampWindow.DEFAULT_TOLERANCE);
        webhooks.verify(ID, Long.toString(TS), signature, BODY);
        clock.set(Instant.ofEpochSecond(TS).minus(TimestampWindow.DEFAULT_TOLERANCE));
        webhooks.verify(ID, Long.toString(TS), signature, BODY);
    }

    @Test
    void roundTripsRandomBodies() throws ResguardoException {
        Random seeded = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[seeded.nextInt(3000)];
            seeded.nextBytes(body);
            String id = "msg_" + i;
            assertEquals(0, webhooks.verify(id, Long.toString(TS), webhooks.sign(id, TS, body), body).secretIndex());
        }
    }

    @Test
    void anyOneByteChangeOfTheBodyOrTheSignatureFails() {
        String signature = webhooks.sign(ID, TS, BODY);
        for (int i = 0; i < BODY.length; i++) {
            byte[] changed = BODY.clone();
            changed[i] ^= 1;
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, Long.toString(TS), signature, changed));
        }
        for (int i = 3; i < signature.length() - 1; i++) {
            char replacement = signature.charAt(i) == 'A' ? 'B' : 'A';
            String changed = signature.substring(0, i) + replacement + signature.substring(i + 1);
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, Long.toString(TS), changed, BODY));
        }
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID + "x", Long.toString(TS), signature, BODY));
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, Long.toString(TS + 1), signature, BODY));
    }

    @Test
    void findsTheMatchingSignatureAmongSeveralAndIgnoresOtherVersions() throws ResguardoException {
        String good = webhooks.sign(ID, TS, BODY);
        String otherKey = StandardWebhooks.of(WebhookSecret.generate(random), clock).sign(ID, TS, BODY);
        String header = "v1a,c29tZXRoaW5nIGVsc2U= " + otherKey + "  " + good + " v2,whatever";
        assertEquals(0, webhooks.verify(ID, Long.toString(TS), header, BODY).secretIndex());
    }

    @Test
    void reportsWhichSecretVerifiedDuringRotation() throws ResguardoException {
        String signedByOlder = olderOnly.sign(ID, TS, BODY);
        assertEquals(1, webhooks.verify(ID, Long.toString(TS), signedByOlder, BODY).secretIndex());
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> StandardWebhooks.of(secret, clock)
                .verify(ID, Long.toString(TS), signedByOlder, BODY));
    }

    @Test
    void readsHeadersIgnoringCase() throws ResguardoException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Webhook-Id", ID);
        headers.put("WEBHOOK-TIMESTAMP", Long.toString(TS));
        headers.put("webhook-signature", webhooks.sign(ID, TS, BODY));
        assertEquals(ID, webhooks.verify(headers, BODY).id());
        assertEquals(ID, webhooks.verify(name -> headers.get(name.equals("webhook-id") ? "Webhook-Id"
                : name.equals("webhook-timestamp") ? "WEBHOOK-TIMESTAMP" : name), BODY).id());
        headers.remove("Webhook-Id");
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(headers, BODY));
    }

    @Test
    void missingHeadersAreSignatureMissing() {
        String signature = webhooks.sign(ID, TS, BODY);
        String ts = Long.toString(TS);
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(null, ts, signature, BODY));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(ID, null, signature, BODY));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(ID, ts, null, BODY));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify("", ts, signature, BODY));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(ID, "", signature, BODY));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> webhooks.verify(ID, ts, "", BODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1767225600", "+1767225600", "1767225600.5", " 1767225600", "1767225600 ",
            "1e9", "1234567890123456789", "17672256OO", "\u0661\u0667\u0666"})
    void malformedTimestampsAreSignatureInvalid(String timestamp) {
        String signature = webhooks.sign(ID, TS, BODY);
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, timestamp, signature, BODY));
    }

    @Test
    void absurdButWellFormedTimestampsAreOutOfRange() {
        String signature = webhooks.sign(ID, TS, BODY);
        for (String timestamp : List.of("0", "999999999999999999", "000000000000000001")) {
            assertCode(ErrorCode.TIMESTAMP_OUT_OF_RANGE, () -> webhooks.verify(ID, timestamp, signature, BODY));
        }
    }

    @Test
    void aTimestampBeyondTheCalendarIsOutOfRangeEvenUnderAHugeTolerance() {
        StandardWebhooks lenient = StandardWebhooks.of(List.of(secret),
                new TimestampWindow(clock, Duration.ofSeconds(Long.MAX_VALUE)));
        long beyond = 999_999_999_999_999_999L;
        String signature = lenient.sign(ID, beyond, BODY);
        assertCode(ErrorCode.TIMESTAMP_OUT_OF_RANGE,
                () -> lenient.verify(ID, Long.toString(beyond), signature, BODY));
    }

    @Test
    void malformedIdsAreSignatureInvalid() {
        String signature = webhooks.sign(ID, TS, BODY);
        for (String id : List.of("msg é", "msg id", "msg\u00e9", "x".repeat(StandardWebhooks.MAX_ID_LENGTH + 1),
                "msg\n")) {
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(id, Long.toString(TS), signature, BODY));
        }
    }

    @Test
    void malformedSignatureHeadersAreSignatureInvalid() {
        String good = webhooks.sign(ID, TS, BODY);
        String base64 = good.substring(3);
        List<String> malformed = List.of(
                base64,
                ",".concat(base64),
                "v1" + base64,
                "v1,",
                "v1,%%%%",
                "v1," + base64.substring(1),
                "v1," + base64 + "=",
                "v1," + base64.replace("=", ""),
                "v1," + base64.substring(0, 10) + "-" + base64.substring(11),
                "v1," + base64.substring(0, 10) + "_" + base64.substring(11),
                "v1," + base64.substring(0, 42) + "é=",
                "v2," + base64,
                "v1a," + base64,
                good + " garbage",
                "garbage " + good,
                good + " v1,AAAA",
                good + " " + "v1,".repeat(2000));
        for (String header : malformed) {
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, Long.toString(TS), header, BODY));
        }
    }

    @Test
    void refusesNonCanonicalTrailingBits() {
        String good = webhooks.sign(ID, TS, BODY);
        char last = good.charAt(good.length() - 2);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int index = alphabet.indexOf(last);
        // The last data character carries 4 bits of MAC and 2 unused bits: setting one of those leaves the MAC equal.
        String stray = good.substring(0, good.length() - 2) + alphabet.charAt(index | 1) + "=";
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(ID, Long.toString(TS), stray, BODY));
    }

    @Test
    void messagesCarryNeitherSignatureNorSecret() {
        String wrong = olderOnly.sign(ID, TS, BODY);
        ResguardoException e = assertThrows(ResguardoException.class,
                () -> StandardWebhooks.of(secret, clock).verify(ID, Long.toString(TS), wrong, BODY));
        assertFalse(e.getMessage().contains(wrong.substring(3)));
        assertFalse(e.getMessage().contains(secret.revealEncoded()));
    }

    @Test
    void signRefusesMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> webhooks.sign("msg id", TS, BODY));
        assertThrows(IllegalArgumentException.class, () -> webhooks.sign("", TS, BODY));
        assertThrows(IllegalArgumentException.class, () -> webhooks.sign(ID, -1, BODY));
        assertThrows(IllegalArgumentException.class, () -> webhooks.sign(ID, Long.MAX_VALUE, BODY));
        assertThrows(IllegalArgumentException.class, () -> StandardWebhooks.of(List.of(),
                TimestampWindow.withDefaultTolerance(clock)));
    }

    @Test
    void manyThreadsShareOneVerifier() throws Exception {
        int threads = 8;
        assertEquals(threads * 500, Concurrently.sum(threads, t -> checkMany(new Random(t))));
    }

    private int checkMany(Random seeded) throws ResguardoException {
        for (int i = 0; i < 500; i++) {
            byte[] body = new byte[1 + seeded.nextInt(2000)];
            seeded.nextBytes(body);
            String id = "msg_" + seeded.nextInt(1000);
            switch (i % 3) {
                case 0 -> assertEquals(0,
                        webhooks.verify(id, Long.toString(TS), webhooks.sign(id, TS, body), body).secretIndex());
                case 1 -> assertEquals(1,
                        webhooks.verify(id, Long.toString(TS), olderOnly.sign(id, TS, body), body).secretIndex());
                default -> {
                    String signature = webhooks.sign(id, TS, body);
                    body[seeded.nextInt(body.length)] ^= 0x20;
                    assertCode(ErrorCode.SIGNATURE_INVALID, () -> webhooks.verify(id, Long.toString(TS), signature,
                            body));
                }
            }
        }
        return 500;
    }

    private static ResguardoException assertCode(ErrorCode expected, Executable call) {
        ResguardoException e = assertThrows(ResguardoException.class, call);
        assertEquals(expected, e.code());
        return e;
    }
}
