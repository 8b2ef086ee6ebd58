package io.resguardo.core.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Leaks found in review: each case printed personal data or a secret (partly) in clear before its fix. */
class RedactorReviewLeaksTest {
    private final Redactor redactor = Redactor.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DNI-45781236|DNI-4***6",
            "dni_45781236 ok|dni_4***6 ok",
            "tel-987654321|tel-9***1",
            "cel_987654321|cel_9***1",
            "user_987654321 logged in|user_9***1 logged in",
            "RUC-20100047218|RUC-2***8"})
    void masksNumbersGluedToAPersonalLabel(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ORD-1001", "ORD-123456", "ORD-2026-11-26-000123", "order_20261126_000123",
            "550e8400-e29b-41d4-a716-446655440000"})
    void keepsTransactionCodesAndIdentifiersReadable(String text) {
        assertEquals(text, redactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "user=juan.perez%40example.com&x=1|user=j***%40example.com&x=1",
            "to=ANA%40Mail.Example.PE|to=A***%40Mail.Example.PE"})
    void masksUrlEncodedEmailAddresses(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://app:pa$$w0rd@db:3306/shop|jdbc:mysql://app:***@db:3306/shop",
            "https://user:s3cr3t!x@host.example/x|https://user:***@host.example/x",
            "amqp://guest:gu#e$t@mq|amqp://guest:***@mq"})
    void masksPasswordsInUrlUserInfo(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "josé.pérez@gmail.com|j***@gmail.com",
            "from Núñez.Ñahui@example.pe|from N***@example.pe"})
    void masksTheWholeLocalPartOfNonAsciiEmailAddresses(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @Test
    void masksLongNumbersInJsonWhateverTheirMemberName() {
        assertEquals("{\"doc\":\"4***6\",\"cel\":\"9***1\",\"amount\":150.00,\"idService\":1234}",
                redactor.redactJson("{\"doc\":45781236,\"cel\":987654321,\"amount\":150.00,\"idService\":1234}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "key=9f86d081884c7d65|key=***",
            "api key 0123456789abcdef used|api key *** used",
            "jwt eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. end|jwt ***.***. end"})
    void masksShortHexKeysAndShortJwtParts(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @Test
    void masksNonAsciiDigits() {
        String fullWidthPhone = "\uff19\uff18\uff17\uff16\uff15\uff14\uff13\uff12\uff11";
        assertEquals("celular \uff19***\uff11", redactor.redact("celular " + fullWidthPhone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a://", "a://b:", "a://b:c@", "://:@", "a%40", "%40a", "x%4", "DNI-123456_",
            "user_", "ORD-1234567-", "eyJ", "eyJa.", "0123456789abcdef0", "\uff11", "\u00e9@"})
    void newRulesStayLinearOnAMegabyte(String unit) {
        String input = unit.repeat((1 << 20) / unit.length() + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertNotNull(redactor.redact(input));
            assertNotNull(redactor.redactJson(input));
        });
    }
}
