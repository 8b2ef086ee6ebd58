package io.resguardo.core.digest;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContentDigestTest {
    private static final List<JsonObject> CASES = Vectors.load("rfc9530-content-digest.json")
            .getJsonArray("cases").getValuesAs(JsonObject.class);

    private static byte[] body(JsonObject c) {
        return c.getString("body").getBytes(StandardCharsets.UTF_8);
    }

    private static ContentDigest.Algorithm algorithm(JsonObject c) {
        return c.getString("algorithm").equals("sha-256") ? ContentDigest.Algorithm.SHA_256
                : ContentDigest.Algorithm.SHA_512;
    }

    private static void assertMismatch(String header, byte[] body) {
        ResguardoException e = assertThrows(ResguardoException.class, () -> ContentDigest.verify(header, body));
        assertEquals(ErrorCode.DIGEST_MISMATCH, e.code());
    }

    @Test
    void createsThePublishedHeaders() {
        for (JsonObject c : CASES) {
            assertEquals(c.getString("header"), ContentDigest.create(body(c), algorithm(c)));
        }
    }

    @Test
    void verifiesThePublishedHeaders() throws ResguardoException {
        for (JsonObject c : CASES) {
            assertEquals(EnumSet.of(algorithm(c)), ContentDigest.verify(c.getString("header"), body(c)).algorithms());
        }
    }

    @Test
    void verifiesEverySupportedAlgorithmPresentAndIgnoresUnknownOnes() throws ResguardoException {
        byte[] body = CASES.get(0).getString("body").getBytes(StandardCharsets.UTF_8);
        String both = "unixsum=:AAAA:, " + CASES.get(0).getString("header") + ", " + CASES.get(1).getString("header");
        assertEquals(EnumSet.allOf(ContentDigest.Algorithm.class), ContentDigest.verify(both, body).algorithms());
    }

    @Test
    void rejectsWhenOneOfSeveralSupportedDigestsIsWrong() {
        byte[] body = body(CASES.get(0));
        String wrong512 = ContentDigest.create("other".getBytes(StandardCharsets.UTF_8),
                ContentDigest.Algorithm.SHA_512);
        assertMismatch(CASES.get(0).getString("header") + ", " + wrong512, body);
    }

    @Test
    void rejectsAnyOneByteChangeOfTheBody() {
        Random random = new Random(7);
        for (JsonObject c : CASES) {
            byte[] body = body(c);
            for (int i = 0; i < body.length; i++) {
                byte[] changed = body.clone();
                changed[i] ^= (byte) (1 + random.nextInt(255));
                assertMismatch(c.getString("header"), changed);
            }
        }
    }

    @Test
    void rejectsAMissingHeader() {
        assertMismatch(null, new byte[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "sha-256", "sha-256=", "sha-256=:", "sha-256=abc", "sha-256=\"abc\"", "sha-256=(:AAAA:)",
            "md5=:AAAAAAAAAAAAAAAAAAAAAA==:", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE:",
            "sha-256=:AAAA:", "SHA-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:,",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPé=:"
    })
    void rejectsMalformedOrUnsupportedHeaders(String header) {
        assertMismatch(header, "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAnOversizedHeader() {
        String header = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:" + " ".repeat(ContentDigest.MAX_FIELD_LENGTH);
        assertMismatch(header, "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsRandomBodies() throws ResguardoException {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(2000)];
            random.nextBytes(body);
            for (ContentDigest.Algorithm a : ContentDigest.Algorithm.values()) {
                assertEquals(EnumSet.of(a), ContentDigest.verify(ContentDigest.create(body, a), body).algorithms());
            }
        }
    }
}
