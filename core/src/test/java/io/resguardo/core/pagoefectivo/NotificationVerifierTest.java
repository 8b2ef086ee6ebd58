package io.resguardo.core.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.secret.VersionedKey;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NotificationVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:15:30Z");
    private static final Secret CURRENT = Secret.ofText("Current-Key-4Tq9Lm2Xv7Rz");
    private static final Secret PREVIOUS = Secret.ofText("Previous-Key-8Wd3Nk6Hp1Ys");

    private final MutableClock clock = MutableClock.at(NOW);
    private final KeyRing ring = KeyRing.ofCurrentAndPrevious(CURRENT, null, PREVIOUS, NOW.plusSeconds(3600), clock);
    private final NotificationVerifier verifier = NotificationVerifier.of(ring);
    private final KeyRing previousOnly = KeyRing.of(List.of(VersionedKey.of("p", PREVIOUS)), clock);

    @Test
    void agreesWithThePublishedNotifications() throws ResguardoException {
        for (JsonValue value : Vectors.load("pagoefectivo.json").getJsonArray("notifications")) {
            JsonObject vector = value.asJsonObject();
            KeyRing vectorRing = KeyRing.of(List.of(VersionedKey.of("pe", Secret.ofText(vector.getString("secretKey")))),
                    clock);
            NotificationVerifier vectorVerifier = NotificationVerifier.of(vectorRing);
            byte[] body = vector.getString("body").getBytes(StandardCharsets.UTF_8);
            String header = vector.getString("peSignature");
            if (vector.getBoolean("valid")) {
                assertEquals("pe", vectorVerifier.verify(body, header).keyId());
                assertEquals(header.toLowerCase(Locale.ROOT), NotificationVerifier.sign(vectorRing, body));
            } else {
                assertCode(ErrorCode.SIGNATURE_INVALID, () -> vectorVerifier.verify(body, header));
            }
        }
    }

    @Test
    void roundTripsRandomBodies() throws ResguardoException {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(3000)];
            random.nextBytes(body);
            assertEquals(KeyRing.CURRENT_ID, verifier.verify(body, NotificationVerifier.sign(ring, body)).keyId());
        }
    }

    @Test
    void anyOneByteChangeOfTheBodyFails() throws ResguardoException {
        byte[] body = "{\"eventType\":\"cip.paid\",\"data\":{\"cip\":\"2523136\",\"amount\":150.00}}"
                .getBytes(StandardCharsets.UTF_8);
        String header = NotificationVerifier.sign(ring, body);
        verifier.verify(body, header);
        for (int i = 0; i < body.length; i++) {
            byte[] changed = body.clone();
            changed[i] ^= 1;
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier.verify(changed, header));
        }
    }

    @Test
    void anyOneCharacterChangeOfTheSignatureFails() {
        byte[] body = "{\"eventType\":\"cip.paid\"}".getBytes(StandardCharsets.UTF_8);
        String header = NotificationVerifier.sign(ring, body);
        for (int i = 0; i < header.length(); i++) {
            char replacement = header.charAt(i) == '0' ? '1' : '0';
            String changed = header.substring(0, i) + replacement + header.substring(i + 1);
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier.verify(body, changed));
        }
    }

    @Test
    void acceptsUppercaseHexAndSurroundingSpaces() throws ResguardoException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = NotificationVerifier.sign(ring, body);
        verifier.verify(body, header.toUpperCase(Locale.ROOT));
        verifier.verify(body, " \t" + header + " ");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t "})
    void aMissingOrEmptyHeaderIsSignatureMissing(String header) {
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> verifier.verify(new byte[] {1}, header));
    }

    @Test
    void malformedHeadersAreSignatureInvalid() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String valid = NotificationVerifier.sign(ring, body);
        List<String> malformed = List.of(
                valid.substring(1),
                valid + "0",
                valid.substring(2) + "zz",
                valid.substring(1) + "é",
                valid.substring(2) + "\u0660\u0661",
                "sha256=" + valid,
                valid.repeat(200),
                valid.substring(0, 32) + " " + valid.substring(33));
        for (String header : malformed) {
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier.verify(body, header));
        }
    }

    @Test
    void reportsThePreviousKeyDuringTheOverlapAndRefusesItAfterwards() throws ResguardoException {
        byte[] body = "{\"eventType\":\"cip.paid\"}".getBytes(StandardCharsets.UTF_8);
        String signedWithPrevious = NotificationVerifier.sign(previousOnly, body);
        assertEquals(KeyRing.PREVIOUS_ID, verifier.verify(body, signedWithPrevious).keyId());
        clock.advance(Duration.ofSeconds(3600));
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier.verify(body, signedWithPrevious));
        assertEquals(KeyRing.CURRENT_ID, verifier.verify(body, NotificationVerifier.sign(ring, body)).keyId());
    }

    @Test
    void failsWithACodeWhenNoKeyIsValidAnyMore() {
        KeyRing expiring = KeyRing.of(List.of(new VersionedKey("k", CURRENT, Instant.MIN, NOW.plusSeconds(1), null)),
                clock);
        NotificationVerifier expiringVerifier = NotificationVerifier.of(expiring);
        byte[] body = {1, 2, 3};
        String header = NotificationVerifier.sign(expiring, body);
        clock.advance(Duration.ofSeconds(1));
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> expiringVerifier.verify(body, header));
    }

    @Test
    void messagesNeverCarryTheSignature() {
        byte[] body = {1, 2, 3};
        String wrong = NotificationVerifier.sign(previousOnly, body).replace('a', 'b');
        ResguardoException e = assertThrows(ResguardoException.class, () -> verifier.verify(new byte[] {9}, wrong));
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void manyThreadsShareOneVerifier() throws Exception {
        int threads = 8;
        assertEquals(threads * 500, Concurrently.sum(threads, t -> checkMany(new Random(t))));
    }

    private int checkMany(Random random) throws ResguardoException {
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            byte[] body = new byte[1 + random.nextInt(2000)];
            random.nextBytes(body);
            switch (i % 3) {
                case 0 -> assertEquals(KeyRing.CURRENT_ID,
                        verifier.verify(body, NotificationVerifier.sign(ring, body)).keyId());
                case 1 -> assertEquals(KeyRing.PREVIOUS_ID,
                        verifier.verify(body, NotificationVerifier.sign(previousOnly, body)).keyId());
                default -> {
                    String header = NotificationVerifier.sign(ring, body);
                    body[random.nextInt(body.length)] ^= 0x20;
                    assertCode(ErrorCode.SIGNATURE_INVALID, () -> verifier.verify(body, header));
                }
            }
            checked++;
        }
        return checked;
    }

    static void assertCode(ErrorCode expected, Executable call) {
        ResguardoException e = assertThrows(ResguardoException.class, call);
        assertEquals(expected, e.code());
    }
}
