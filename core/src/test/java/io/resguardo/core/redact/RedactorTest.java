package io.resguardo.core.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {
    private final Redactor redactor = Redactor.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "contact ana.quispe@example.com now|contact a***@example.com now",
            "write to ana@example.com.|write to a***@example.com.",
            "<j.doe+pe@mail.example.pe>|<j***@mail.example.pe>",
            "email: ana@example.com|email: a***@example.com",
            "phone 987654321|phone 9***1",
            "tel +51 987654321|tel +51 9***1",
            "tel +51 987 654 321|tel +51 9***1",
            "call (01) 234-5678|call (01) 2***8",
            "DNI 45781236 ok|DNI 4***6 ok",
            "dni=45781236|dni=4***6",
            "RUC 20100047218|RUC 2***8",
            "documentNumber=AB12345|documentNumber=A***5",
            "userDocumentNumber: X12345678|userDocumentNumber: X***8",
            "userPhone=987654321|userPhone=9***1",
            "secretKey=s3cr3t|secretKey=***",
            "accessKey = AKpe, idService=1234|accessKey = ***, idService=1234",
            "`\"hashString\": \"abc\", \"x\": 1`|`\"hashString\": \"***\", \"x\": 1`",
            "`{\\\"password\\\":\\\"hunter2\\\"}`|`{\\\"password\\\":\\\"***\\\"}`",
            "`password='a b c' rest`|`password='***' rest`",
            "Authorization: Bearer eyJhbGciOi.abc.def|Authorization: Bearer ***",
            "sent with bearer abc123|sent with bearer ***",
            "Authorization: Basic dXNlcjpwYXNz|Authorization: Basic ***",
            "token=tk_live_1|token=***",
            "clientSecret: zzz|clientSecret: ***",
            "webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,abc|webhook-signature: v1,*** v1,***",
            "secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw loaded|secret whsec_*** loaded",
            "Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:|Content-Digest: sha-256=:***:",
            "Content-Digest: sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4=:, ok|Content-Digest: sha-512=:***:, ok",
            "got c2e2a9d1b7f3e4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9|got ***",
            "key K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= used|key *** used"})
    void masksEachKindInFreeText(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "InvalidConfigurationException: RESGUARDO_API_KEYS is missing",
            "order ORD-2026-11-26-000123 expires 2026-12-01T21:00:00-05:00, amount 150.00 PEN",
            "request 550e8400-e29b-41d4-a716-446655440000 from 203.0.113.7 took 12 ms",
            "GET /api/v1/orders/ORD-1001 -> 200",
            "the token expired; password reset requested; internationalization",
            "io.resguardo.core.validation.OrderValidator.validate(OrderValidator.java:42)",
            "cip 12345 amount 999.99 count 10000"})
    void leavesOrdinaryLogTextAlone(String text) {
        assertEquals(text, redactor.redact(text));
    }

    @Test
    void masksRandomBase64AndHexTokensOfEveryCommonLength() {
        Random random = new Random(20261126);
        for (int bytes : new int[] {16, 24, 32, 48, 64}) {
            for (int i = 0; i < 20; i++) {
                byte[] key = new byte[bytes];
                random.nextBytes(key);
                for (String token : new String[] {Base64.getEncoder().encodeToString(key),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(key), HexFormat.of().formatHex(key)}) {
                    String redacted = redactor.redact("value " + token + " end");
                    assertEquals("value *** end", redacted, token);
                }
            }
        }
    }

    @Test
    void neverThrowsAndKeepsNullReadable() {
        assertEquals("null", redactor.redact(null));
        assertEquals("null", redactor.redactJson(null));
        assertEquals("", redactor.redact(""));
        for (String odd : new String[] {"@", "a@", "@b", "=:", "=::", "password", "password=", "password=\"",
                "Bearer", "Bearer ", "v1,", "whsec_", "\\", "\"", "12345", "1-", "2026-11-2"}) {
            redactor.redact(odd);
            redactor.redactJson(odd);
        }
    }

    @Test
    void masksAnUnterminatedQuotedSecretToTheEnd() {
        assertEquals("password=\"***", redactor.redact("password=\"hunter2 and more"));
    }

    @Test
    void masksEmailsAndDocumentsForToString() {
        assertEquals("j***@example.com", Redactor.maskEmail("juan@example.com"));
        assertEquals("***", Redactor.maskEmail("not-an-email"));
        assertEquals("7***2", Redactor.maskKeepingEnds("70123452"));
        assertEquals("***", Redactor.maskKeepingEnds("12345"));
        assertFalse(Redactor.standard().toString().contains("secret="));
        assertTrue(Redactor.standard().toString().startsWith("Redactor["));
    }
}
