package io.resguardo.core.redact;

import io.resguardo.core.secret.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile megabyte inputs must finish: a hang guard, not a benchmark. */
class RedactorWorstCaseTest {
    private static final int SIZE = 1 << 20;
    private static final Redactor REDACTOR = Redactor.withSecrets(
            List.of(Secret.ofBytes("abcabcabcabd".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Secret.ofText("aaaaaaaaaaaaaaaaaaab")));

    @ParameterizedTest
    @ValueSource(strings = {"a", "@", "a@", "a@b", ".@", "=:", "=:a", "password=\"", "password=", "token ",
            "Bearer ", "v1,", "whsec_", "1", "1-", "1 ", "+1 ", "2026-11-26 ", "abcabcabcabc", "aB3", "/aB3",
            "{\"password\":", "[", "{\"a\":[", "\"", "\\\"", "\\u00", "\n", "\u001b", "aaaaaaaaaaaaaaaaaaaa"})
    void finishesOnAMegabyteOfRepeatedPattern(String unit) {
        String input = unit.repeat(SIZE / unit.length() + 1);
        run(input);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void finishesOnAMegabyteOfRandomPrintableText(int seed) {
        Random random = new Random(seed);
        char[] chars = new char[SIZE];
        String alphabet = "aA0@.-_+/=:\"\\{}[], \n";
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        run(new String(chars));
    }

    private static void run(String input) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertNotNull(REDACTOR.redact(input));
            assertNotNull(REDACTOR.redactJson(input));
            assertNotNull(Redactor.escapeControl(input, SIZE));
        });
    }
}
