package io.resguardo.web.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static io.resguardo.web.config.Configs.load;
import static io.resguardo.web.config.Configs.problems;
import static io.resguardo.web.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretFileTest {
    @TempDir
    Path home;

    private Path secretFile(String content) throws IOException {
        Path file = Files.createTempFile(home, "secret", ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n"})
    void aSecretFileIsReadWithOneTrailingNewlineIgnored(String ending) throws IOException {
        Path file = secretFile(Configs.SECRET_KEY + ending);
        ResguardoConfig config = load(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY", null, "PAGOEFECTIVO_SECRET_KEY_FILE", file.toString()));
        assertArrayEquals(Configs.SECRET_KEY.getBytes(StandardCharsets.UTF_8),
                config.pagoEfectivoKeyRing().current().secret().revealBytes());
    }

    @Test
    void onlyOneTrailingNewlineIsIgnored() throws IOException {
        Path file = secretFile(Configs.ACCESS_KEY + "\n\n");
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_ACCESS_KEY", null, "PAGOEFECTIVO_ACCESS_KEY_FILE", file.toString()));
        assertTrue(message.contains("PAGOEFECTIVO_ACCESS_KEY: has leading or trailing blanks"), message);
    }

    @Test
    void everySecretAcceptsTheFileForm() throws IOException {
        ResguardoConfig config = load(with(Configs.production(home),
                "PAGOEFECTIVO_ACCESS_KEY", null,
                "PAGOEFECTIVO_ACCESS_KEY_FILE", secretFile(Configs.ACCESS_KEY + "\n").toString(),
                "RESGUARDO_API_KEYS", null,
                "RESGUARDO_API_KEYS_FILE", secretFile("shop=" + Configs.API_SECRET + "\n").toString(),
                "RESGUARDO_SHOP_WEBHOOK_SECRET", null,
                "RESGUARDO_SHOP_WEBHOOK_SECRET_FILE", secretFile(Configs.WEBHOOK_SECRET + "\n").toString(),
                "RESGUARDO_DB_PASSWORD", null,
                "RESGUARDO_DB_PASSWORD_FILE", secretFile(Configs.DB_PASSWORD + "\n").toString()));
        assertArrayEquals(Configs.ACCESS_KEY.getBytes(StandardCharsets.UTF_8),
                config.pagoEfectivoAccessKey().revealBytes());
        assertEquals(Set.of("shop"), config.apiKeys().keySet());
        assertEquals(Configs.WEBHOOK_SECRET, config.shopWebhookSecret().orElseThrow().revealEncoded());
    }

    @Test
    void settingBothTheValueAndTheFileIsAProblem() throws IOException {
        Path file = secretFile(Configs.SECRET_KEY);
        String message = problems(with(Configs.production(home), "PAGOEFECTIVO_SECRET_KEY_FILE", file.toString()));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY: set both directly and as PAGOEFECTIVO_SECRET_KEY_FILE"),
                message);
        assertFalse(message.contains("required"), "both set is not reported as missing too: " + message);
    }

    @Test
    void anUnreadableFileIsAProblemNamingTheFileSetting() {
        String missing = home.resolve("no-such-secret").toString();
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY", null, "PAGOEFECTIVO_SECRET_KEY_FILE", missing));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY_FILE: cannot read the file (NoSuchFileException)"),
                message);
        assertFalse(message.contains("PAGOEFECTIVO_SECRET_KEY: is required"), message);
    }

    @Test
    void anEmptyOrHugeFileIsAProblem() throws IOException {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY", null,
                "PAGOEFECTIVO_SECRET_KEY_FILE", secretFile("\n").toString(),
                "PAGOEFECTIVO_ACCESS_KEY", null,
                "PAGOEFECTIVO_ACCESS_KEY_FILE", secretFile("k".repeat(70_000)).toString()));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY_FILE: the file is empty"), message);
        assertTrue(message.contains("PAGOEFECTIVO_ACCESS_KEY_FILE: the file is larger than 65536 bytes"), message);
    }

    @Test
    void aFileThatIsNotUtf8IsAProblem() throws IOException {
        Path file = Files.createTempFile(home, "secret", ".bin");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 0x41, 0x42});
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY", null, "PAGOEFECTIVO_SECRET_KEY_FILE", file.toString()));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY_FILE: the file is not UTF-8 text"), message);
    }
}
