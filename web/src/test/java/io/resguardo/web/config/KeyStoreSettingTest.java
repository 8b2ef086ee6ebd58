package io.resguardo.web.config;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.resguardo.web.config.Configs.load;
import static io.resguardo.web.config.Configs.problems;
import static io.resguardo.web.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PKCS#12 stores made with the JDK's own keytool, as an operator would make them. */
class KeyStoreSettingTest {
    private static final String STORE_PASSWORD = "Vq8rN2xK5mW9tJ4p";

    @TempDir
    static Path stores;
    private static Path clientStore;
    private static Path trustStore;

    @TempDir
    Path home;

    @BeforeAll
    static void makeStores() throws IOException, InterruptedException {
        clientStore = stores.resolve("client.p12");
        keytool("-genkeypair", "-alias", "resguardo-client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=resguardo-test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", clientStore.toString(), "-storepass", STORE_PASSWORD);
        Path certificate = stores.resolve("client.crt");
        keytool("-exportcert", "-rfc", "-alias", "resguardo-client", "-keystore", clientStore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        trustStore = stores.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "pagoefectivo", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool timed out");
        assertEquals(0, process.exitValue(), output);
    }

    @Test
    void theClientKeyStoreAndTrustStoreAreLoadedAtStartUp() throws Exception {
        ResguardoConfig config = load(with(Configs.production(home),
                "PAGOEFECTIVO_CLIENT_KEYSTORE", clientStore.toString(),
                "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD", STORE_PASSWORD,
                "PAGOEFECTIVO_TRUSTSTORE", trustStore.toString(),
                "PAGOEFECTIVO_TRUSTSTORE_PASSWORD", STORE_PASSWORD));

        KeyStore client = config.pagoEfectivoClientKeyStore().orElseThrow();
        assertTrue(client.isKeyEntry("resguardo-client"));
        assertArrayEquals(STORE_PASSWORD.toCharArray(), config.revealClientKeyStorePassword());
        assertTrue(config.pagoEfectivoTrustStore().orElseThrow().isCertificateEntry("pagoefectivo"));
        assertFalse(config.toString().contains(STORE_PASSWORD), config::toString);
    }

    @Test
    void aWrongClientKeyStorePasswordIsAProblemNamingThePasswordSetting() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_CLIENT_KEYSTORE", clientStore.toString(),
                "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD", "Wrong-But-Long-Enough-77"));
        assertTrue(message.contains(
                "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD: does not open PAGOEFECTIVO_CLIENT_KEYSTORE"), message);
        assertFalse(message.contains("Wrong-But-Long-Enough-77"), message);
    }

    @Test
    void aWrongTrustStorePasswordIsAProblemNamingThePasswordSetting() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_TRUSTSTORE", trustStore.toString(),
                "PAGOEFECTIVO_TRUSTSTORE_PASSWORD", "Wrong-But-Long-Enough-77"));
        assertTrue(message.contains("PAGOEFECTIVO_TRUSTSTORE_PASSWORD: does not open PAGOEFECTIVO_TRUSTSTORE"),
                message);
    }

    @Test
    void aMissingOrForeignFileIsAProblemNamingThePathSetting() throws IOException {
        Path notAStore = Files.writeString(home.resolve("notes.txt"), "not a key store");
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_CLIENT_KEYSTORE", home.resolve("absent.p12").toString(),
                "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD", STORE_PASSWORD,
                "PAGOEFECTIVO_TRUSTSTORE", notAStore.toString(),
                "PAGOEFECTIVO_TRUSTSTORE_PASSWORD", STORE_PASSWORD));
        assertTrue(message.contains("PAGOEFECTIVO_CLIENT_KEYSTORE: does not name a readable file"), message);
        assertTrue(message.contains("PAGOEFECTIVO_TRUSTSTORE: is not a readable PKCS#12 file"), message);
    }

    @Test
    void aClientKeyStoreNeedsItsPasswordAndAPasswordNeedsItsStore() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_CLIENT_KEYSTORE", clientStore.toString(),
                "PAGOEFECTIVO_TRUSTSTORE_PASSWORD", STORE_PASSWORD));
        assertTrue(message.contains("PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD: is required with "
                + "PAGOEFECTIVO_CLIENT_KEYSTORE"), message);
        assertTrue(message.contains("PAGOEFECTIVO_TRUSTSTORE_PASSWORD: is set without PAGOEFECTIVO_TRUSTSTORE"),
                message);
    }

    @Test
    void aTrustStoreIsNotAClientKeyStore() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_CLIENT_KEYSTORE", trustStore.toString(),
                "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD", STORE_PASSWORD));
        assertTrue(message.contains("PAGOEFECTIVO_CLIENT_KEYSTORE: holds no private key"), message);
    }
}
