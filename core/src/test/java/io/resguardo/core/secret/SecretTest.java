package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTest {
    private static final String VALUE = "Qm7vX2pL9tRk4WzN8cHs";

    @TempDir
    Path dir;

    @Test
    void toStringIsRedactedAndShowsOnlyTheLength() {
        Secret secret = Secret.ofText(VALUE);
        assertFalse(secret.toString().contains(VALUE));
        assertTrue(secret.toString().contains("redacted"));
        assertTrue(secret.toString().contains(Integer.toString(VALUE.length())));
    }

    @Test
    void isNotSerializableAndTheFailureDoesNotCarryTheValue() {
        assertFalse(Serializable.class.isAssignableFrom(Secret.class));
        Secret secret = Secret.ofText(VALUE);
        NotSerializableException e = assertThrows(NotSerializableException.class, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(secret);
            }
        });
        assertFalse(String.valueOf(e.getMessage()).contains(VALUE));
    }

    @Test
    void equalsComparesValuesAndHashCodeDependsOnLengthOnly() {
        Secret a = Secret.ofText(VALUE);
        assertEquals(a, Secret.ofText(VALUE));
        assertNotEquals(a, Secret.ofText(VALUE.substring(0, VALUE.length() - 1) + "t"));
        assertNotEquals(a, Secret.ofText(VALUE + "x"));
        assertNotEquals(a, VALUE);
        assertEquals(a.hashCode(), Secret.ofText("Zz9yYx8Ww7Vv6Uu5Tt4S").hashCode());
    }

    @Test
    void matchesComparesCandidateBytes() {
        Secret secret = Secret.ofText(VALUE);
        assertTrue(secret.matches(VALUE.getBytes(StandardCharsets.UTF_8)));
        assertFalse(secret.matches("other-Value-123".getBytes(StandardCharsets.UTF_8)));
        assertFalse(secret.matches(null));
    }

    @Test
    void copiesBytesInAndOut() {
        byte[] input = {1, 2, 3, 4, 5, 6, 7, 8};
        Secret secret = Secret.ofBytes(input);
        input[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, secret.revealBytes());
        secret.revealBytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, secret.revealBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "CHANGEME", "change-me", "secret", "Secret", "test", "xxxx", "XXXXXXXXXXXX",
            "xxxx-xxxx-1234", "aaaaaaaaaaaa", "1111111111", "<your-secret>", "${PAGOEFECTIVO_SECRET_KEY}",
            "{{secret}}", "password", " changeme "})
    void rejectsPlaceholders(String placeholder) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(placeholder, "SOME_SETTING"));
        assertTrue(e.getMessage().contains("SOME_SETTING"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Changeme123", "changeme!", "secret123", "Secret_2024", "Password1!", "test1",
            "your-secret-key-here", "my-secret-key", "CHANGE-ME-1"})
    void rejectsPlaceholdersWithADigitOrSymbolSuffix(String placeholder) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(placeholder, "SOME_SETTING"));
        assertTrue(e.getMessage().contains("SOME_SETTING"));
        assertFalse(e.getMessage().contains(placeholder));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Old-Key-7fQ2mX9vL4pT", "test9f3kQ2mX9vL4pT", "secretQ2mX9vL4pT1234", "9f86d081884c7d65",
            "sk_live_51HxQ2mX9vL4pT", "c2VjcmV0MTIzNDU2Nzg5MA=="})
    void acceptsRealKeysThatMerelyContainAWord(String key) {
        assertEquals(key.length(), Secret.ofText(key).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"changemechangeme", "test-secret-key-1234", "example-secret-key-123",
            "dummy-key-for-testing", "my-super-secret-key", "abababababababab", "0123456789abcdef",
            "abcdefghijklmnopqrstuvwxyz", "qwertyuiop123456", "fedcba9876543210", "12341234123412341234",
            "PagoEfectivo-Secret-Key-2026", "sandbox_api_key_for_dev_only", "not-the-real-secret-value"})
    void rejectsMadeUpKeysJoinedFromWordsRepeatedOrTypedInSequence(String fake) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(fake, "PAGOEFECTIVO_SECRET_KEY"));
        assertTrue(e.getMessage().startsWith("PAGOEFECTIVO_SECRET_KEY "), e.getMessage());
        assertFalse(e.getMessage().contains(fake));
    }

    @Test
    void rejectsASettingHoldingItsOwnName() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText("PAGOEFECTIVO_ACCESS_KEY_VALUE", "PAGOEFECTIVO_ACCESS_KEY_VALUE"));
        assertTrue(e.getMessage().contains("own name") || e.getMessage().contains("placeholder"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"u7Gm2Qx9Vt4Lp8Rz1Kc6Hn3Wb5Yd0Fs2", "Zq8/Xw+7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9",
            "Old-Key-7fQ2mX9vL4pT", "key-8f3a9b2c7d1e4f60a5b3", "sk_live_51HxQ2mX9vL4pT",
            "3c69d4c65a3813fde39958ed0558742f", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="})
    void acceptsRandomKeysEvenWhenTheyStartWithAWord(String key) {
        assertEquals(key.length(), Secret.ofText(key).length());
    }

    @Test
    void acceptsThousandsOfGeneratedKeys() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[12 + random.nextInt(40)];
            random.nextBytes(bytes);
            String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
            String hex = java.util.HexFormat.of().formatHex(bytes);
            assertEquals(base64.length(), Secret.ofText(base64).length(), base64);
            assertEquals(hex.length(), Secret.ofText(hex).length(), hex);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3Y", "Zq8/Xw+7Vu6Ts5R", "ñandú-17-Qx"})
    void rejectsTextSecretsShorterThanSixteenCharactersNamingTheSettingOnly(String shortKey) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(shortKey, "PAGOEFECTIVO_SECRET_KEY"));
        assertTrue(e.getMessage().contains("PAGOEFECTIVO_SECRET_KEY is shorter than 16"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsEmptyText(String empty) {
        assertThrows(InvalidConfigurationException.class, () -> Secret.ofText(empty));
    }

    @Test
    void rejectsEmptyAndRepeatedBytes() {
        assertThrows(InvalidConfigurationException.class, () -> Secret.ofBytes(new byte[0]));
        assertThrows(InvalidConfigurationException.class, () -> Secret.ofBytes(new byte[32]));
        assertThrows(InvalidConfigurationException.class, () -> Secret.ofBytes(new byte[] {7}));
    }

    @Test
    void rejectsTheStandardWebhooksDocumentationSampleAsText() {
        String sample = Vectors.load("standard-webhooks.json").getString("secret");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(sample, "RESGUARDO_SHOP_WEBHOOK_SECRET"));
        assertTrue(e.getMessage().contains("documentation"));
        assertTrue(e.getMessage().contains("RESGUARDO_SHOP_WEBHOOK_SECRET"));
        assertFalse(e.getMessage().contains(sample));
        String bare = sample.substring(sample.indexOf('_') + 1);
        assertThrows(InvalidConfigurationException.class, () -> Secret.ofText(bare));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxxx-xxxx-9f3k", "zzzzzzzzzzzzzzzz", "<paste-the-key-here>", "${SOME_SECRET_VALUE}"})
    void errorMessagesNeverContainTheValue(String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.ofText(value, "SOME_SETTING"));
        assertFalse(e.getMessage().contains(value));
    }

    @Test
    void readsTheValueFromTheEnvironment() {
        assertEquals(Secret.ofText(VALUE), Secret.fromEnvironment("KEY", Map.of("KEY", VALUE)).orElseThrow());
        assertTrue(Secret.fromEnvironment("KEY", Map.of()).isEmpty());
    }

    @Test
    void treatsAnEmptyVariableAsUnset() {
        assertTrue(Secret.fromEnvironment("KEY", Map.of("KEY", "")).isEmpty());
    }

    @Test
    void readsTheValueFromAFileIgnoringOneTrailingNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), VALUE + "\n");
        Secret secret = Secret.fromEnvironment("KEY", Map.of("KEY_FILE", file.toString())).orElseThrow();
        assertEquals(Secret.ofText(VALUE), secret);

        Path crlf = Files.writeString(dir.resolve("crlf"), VALUE + "\r\n");
        assertEquals(Secret.ofText(VALUE), Secret.fromEnvironment("KEY", Map.of("KEY_FILE", crlf.toString()))
                .orElseThrow());

        Path two = Files.writeString(dir.resolve("two"), VALUE + "\n\n");
        assertEquals(Secret.ofText(VALUE + "\n"), Secret.fromEnvironment("KEY", Map.of("KEY_FILE", two.toString()))
                .orElseThrow());
    }

    @Test
    void refusesBothTheVariableAndItsFile() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), VALUE);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.fromEnvironment("KEY", Map.of("KEY", VALUE, "KEY_FILE", file.toString())));
        assertTrue(e.getMessage().contains("KEY_FILE"));
        assertFalse(e.getMessage().contains(VALUE));
    }

    @Test
    void aMissingFileIsNamedByItsVariable() {
        Path missing = dir.resolve("absent");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.fromEnvironment("PAGOEFECTIVO_SECRET_KEY",
                        Map.of("PAGOEFECTIVO_SECRET_KEY_FILE", missing.toString())));
        assertTrue(e.getMessage().contains("PAGOEFECTIVO_SECRET_KEY_FILE"));
    }

    @Test
    void aKeyPutIntoTheFileVariableIsNotEchoedAsAPath() {
        // NAME and NAME_FILE mixed up: the "path" is the key itself and must not reach the deployment log.
        String key = "k7Qm2xZp9vR4tW8yB3nL";
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.fromEnvironment("PAGOEFECTIVO_SECRET_KEY", Map.of("PAGOEFECTIVO_SECRET_KEY_FILE", key)));
        assertTrue(e.getMessage().contains("PAGOEFECTIVO_SECRET_KEY_FILE"), e.getMessage());
        assertFalse(e.getMessage().contains(key), e.getMessage());

        // A value that is not even a path on this platform gives the configuration error, not InvalidPathException.
        String notAPath = "k7Qm\u00002xZp9vR4tW8yB3n";
        InvalidConfigurationException invalid = assertThrows(InvalidConfigurationException.class,
                () -> Secret.fromEnvironment("KEY", Map.of("KEY_FILE", notAPath)));
        assertTrue(invalid.getMessage().contains("KEY_FILE"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("2xZp9vR4tW8yB3n"), invalid.getMessage());
    }

    @Test
    void aPlaceholderInAFileIsRefusedWithoutShowingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "xxxx-xxxx-9f3k\n");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Secret.fromEnvironment("KEY", Map.of("KEY_FILE", file.toString())));
        assertTrue(e.getMessage().contains("KEY"));
        assertFalse(e.getMessage().contains("xxxx-xxxx-9f3k"));
    }

    @Test
    void destroyOverwritesTheValue() {
        Secret secret = Secret.ofText(VALUE);
        secret.destroy();
        assertArrayEquals(new byte[VALUE.length()], secret.revealBytes());
    }
}
