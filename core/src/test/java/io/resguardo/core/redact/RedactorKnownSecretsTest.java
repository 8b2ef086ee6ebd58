package io.resguardo.core.redact;

import io.resguardo.core.secret.Secret;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorKnownSecretsTest {
    /** Short, with spaces and quotes: nothing but the exact-value rule would catch it. */
    private static final String CANARY = "ca\"nary pass/7";
    private static final byte[] BINARY_KEY = {(byte) 0xfb, 0x01, (byte) 0xc3, 0x7e, 0x10, 0x22, (byte) 0x9a, 0x55};

    private final Redactor redactor = Redactor.withSecrets(List.of(Secret.ofBytes(CANARY.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Secret.ofBytes(BINARY_KEY)));

    static List<String> encodings(byte[] bytes) {
        return List.of(
                HexFormat.of().formatHex(bytes),
                HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Test
    void theCanaryNeverSurvivesInAnyEncoding() {
        byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new java.util.ArrayList<>(encodings(canary));
        forms.add(CANARY);
        forms.add(Json.escape(CANARY));
        forms.add(URLEncoder.encode(CANARY, StandardCharsets.UTF_8));
        for (String form : forms) {
            String text = "before " + form + " after";
            String redacted = redactor.redact(text);
            assertEquals("before *** after", redacted, form);
            String json = redactor.redactJson("{\"note\":\"" + Json.escape(text) + "\",\"n\":[\"" + Json.escape(form)
                    + "\"]}");
            assertFalse(json.contains(form), json);
            assertFalse(json.contains("nary"), json);
        }
    }

    @Test
    void masksABinaryKeyInHexAndBase64() {
        for (String form : encodings(BINARY_KEY)) {
            assertEquals("k=*** end", redactor.redact("k=" + form + " end"), form);
        }
    }

    @Test
    void masksOverlappingAndAdjacentOccurrencesAsOne() {
        assertEquals("x***y", redactor.redact("x" + CANARY + CANARY + "y"));
    }

    @Test
    void masksTheCanaryInsideAMalformedJsonDocument() {
        String redacted = redactor.redactJson("{\"note\": \"" + CANARY);
        assertFalse(redacted.contains(CANARY), redacted);
    }

    @Test
    void masksASecretLoggedAsAJsonNumberKeepingTheDocumentValid() {
        Redactor numeric = Redactor.withSecrets(List.of(Secret.ofBytes("73914682".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("{\"pin\":\"***\"}", numeric.redactJson("{\"pin\":73914682}"));
    }

    @Test
    void isUnaffectedByDestroyingTheSecretLater() {
        Secret secret = Secret.ofText("rotating-canary-42");
        Redactor withDestroyed = Redactor.withSecrets(List.of(secret));
        secret.destroy();
        assertEquals("***", withDestroyed.redact("rotating-canary-42"));
    }

    @Test
    void neverShowsSecretsInToString() {
        String text = redactor.toString();
        assertFalse(text.contains("nary"), text);
        assertTrue(text.startsWith("Redactor["), text);
    }
}
