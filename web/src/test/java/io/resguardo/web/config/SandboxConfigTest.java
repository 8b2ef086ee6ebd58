package io.resguardo.web.config;

import io.resguardo.core.allowlist.IpAddress;
import io.resguardo.core.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static io.resguardo.web.config.Configs.load;
import static io.resguardo.web.config.Configs.problems;
import static io.resguardo.web.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SandboxConfigTest {
    @TempDir
    Path temp;

    private Path home() {
        return temp.resolve("home");
    }

    private Path credentialsFile() {
        return home().resolve("sandbox").resolve("credentials.properties");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private Properties stored() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(credentialsFile(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void missingCredentialsAreGeneratedOnceAndReusedOnTheNextLoad() throws IOException {
        ResguardoConfig first = load(Configs.sandbox(home()));

        assertEquals(Environment.SANDBOX, first.environment());
        assertEquals(Optional.of(credentialsFile()), first.generatedCredentialsFile());
        long serviceId = first.pagoEfectivoServiceId();
        assertTrue(serviceId >= 1000 && serviceId <= 9999, "four digits: " + serviceId);
        assertEquals(32, first.pagoEfectivoAccessKey().length());
        assertEquals(32, first.pagoEfectivoKeyRing().current().secret().length());
        assertNotEquals(first.pagoEfectivoAccessKey(), first.pagoEfectivoKeyRing().current().secret());
        assertEquals(List.of("sandbox"), List.copyOf(first.apiKeys().keySet()));
        assertEquals(32, first.apiKeys().get("sandbox").length());

        Properties stored = stored();
        assertEquals(Long.toString(serviceId), stored.getProperty("PAGOEFECTIVO_SERVICE_ID"));
        assertArrayEquals(stored.getProperty("PAGOEFECTIVO_ACCESS_KEY").getBytes(StandardCharsets.UTF_8),
                first.pagoEfectivoAccessKey().revealBytes());
        assertTrue(stored.getProperty("PAGOEFECTIVO_ACCESS_KEY").matches("[A-Za-z0-9_-]{32}"));
        assertTrue(stored.getProperty("PAGOEFECTIVO_SECRET_KEY").matches("[A-Za-z0-9_-]{32}"));

        ResguardoConfig second = load(Configs.sandbox(home()));
        assertEquals(serviceId, second.pagoEfectivoServiceId());
        assertEquals(first.pagoEfectivoAccessKey(), second.pagoEfectivoAccessKey());
        assertEquals(first.pagoEfectivoKeyRing().current().secret(), second.pagoEfectivoKeyRing().current().secret());
        assertEquals(first.apiKeys(), second.apiKeys());
        assertTrue(second.warnings().stream().noneMatch(w -> w.contains("generated now")), second.warnings()::toString);
    }

    @Test
    void theCredentialsDirectoryAndFileAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        load(Configs.sandbox(home()));

        assertEquals("rwx------", permissions(credentialsFile().getParent()));
        assertEquals("rw-------", permissions(credentialsFile()));
        try (var listing = Files.list(credentialsFile().getParent())) {
            assertEquals(List.of(credentialsFile()), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void looseningThePermissionsIsUndoneAtTheNextLoad() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        load(Configs.sandbox(home()));
        Files.setPosixFilePermissions(credentialsFile(), PosixFilePermissions.fromString("rw-r--r--"));

        ResguardoConfig again = load(Configs.sandbox(home()));
        assertEquals("rw-------", permissions(credentialsFile()));
        assertTrue(again.warnings().stream().anyMatch(w -> w.contains("made owner-only")), again.warnings()::toString);
    }

    @Test
    void configuredCredentialsWinAndOnlyTheMissingOnesAreGenerated() throws IOException {
        ResguardoConfig config = load(with(Configs.sandbox(home()),
                "PAGOEFECTIVO_SERVICE_ID", "777", "PAGOEFECTIVO_SECRET_KEY", Configs.SECRET_KEY));
        assertEquals(777L, config.pagoEfectivoServiceId());
        assertEquals(Secret.ofText(Configs.SECRET_KEY), config.pagoEfectivoKeyRing().current().secret());
        assertEquals(Set.of("PAGOEFECTIVO_ACCESS_KEY", "RESGUARDO_API_KEYS"),
                stored().stringPropertyNames());
    }

    @Test
    void aFullyConfiguredSandboxWritesNothing() {
        ResguardoConfig config = load(with(Configs.sandbox(home()),
                "PAGOEFECTIVO_SERVICE_ID", "777", "PAGOEFECTIVO_ACCESS_KEY", Configs.ACCESS_KEY,
                "PAGOEFECTIVO_SECRET_KEY", Configs.SECRET_KEY, "RESGUARDO_API_KEYS", "shop=" + Configs.API_SECRET));
        assertEquals(Optional.empty(), config.generatedCredentialsFile());
        assertFalse(Files.exists(home()));
    }

    @Test
    void anInvalidConfigurationWritesNoCredentials() {
        problems(with(Configs.sandbox(home()), "RESGUARDO_MAX_BODY_BYTES", "1"));
        assertFalse(Files.exists(credentialsFile()));
    }

    @Test
    void anUnusableKeptValueIsReplaced() throws IOException {
        load(Configs.sandbox(home()));
        Properties stored = stored();
        String apiKeys = stored.getProperty("RESGUARDO_API_KEYS");
        Files.writeString(credentialsFile(), "PAGOEFECTIVO_SERVICE_ID=1234\nPAGOEFECTIVO_ACCESS_KEY=changeme\n"
                + "PAGOEFECTIVO_SECRET_KEY=" + stored.getProperty("PAGOEFECTIVO_SECRET_KEY") + "\n"
                + "RESGUARDO_API_KEYS=" + apiKeys + "\n");

        ResguardoConfig config = load(Configs.sandbox(home()));
        assertEquals(1234L, config.pagoEfectivoServiceId());
        assertEquals(32, config.pagoEfectivoAccessKey().length());
        assertEquals(stored.getProperty("PAGOEFECTIVO_SECRET_KEY"), stored().getProperty("PAGOEFECTIVO_SECRET_KEY"));
        assertNotEquals("changeme", stored().getProperty("PAGOEFECTIVO_ACCESS_KEY"));
    }

    @Test
    void warningsSayWhereTheDemoCredentialsAreButNeverTheirValues() throws IOException {
        ResguardoConfig config = load(Configs.sandbox(home()));
        Properties stored = stored();
        String warnings = String.join("\n", config.warnings());
        assertTrue(warnings.contains(credentialsFile().toString()), warnings);
        for (String name : stored.stringPropertyNames()) {
            if (!name.equals("PAGOEFECTIVO_SERVICE_ID")) {
                assertFalse(warnings.contains(stored.getProperty(name)), warnings);
                assertFalse(config.toString().contains(stored.getProperty(name)), config::toString);
            }
        }
    }

    @Test
    void allowlistsDefaultToLoopbackInTheSandbox() {
        ResguardoConfig config = load(Configs.sandbox(home()));
        for (var allowlist : List.of(config.webhookAllowlist(), config.apiAllowlist(), config.adminAllowlist())) {
            assertTrue(allowlist.contains(IpAddress.parse("127.0.0.1")));
            assertTrue(allowlist.contains(IpAddress.parse("::1")));
            assertFalse(allowlist.contains(IpAddress.parse("10.0.0.1")));
        }
        assertTrue(config.trustedProxies().isEmpty());
        assertTrue(config.warnings().stream().anyMatch(w -> w.contains("RESGUARDO_WEBHOOK_ALLOWLIST")
                && w.contains("loopback")), config.warnings()::toString);
    }

    @Test
    void adminAllowlistDefaultsToLoopbackInProductionToo() {
        ResguardoConfig config = load(Configs.production(temp));
        assertTrue(config.adminAllowlist().contains(IpAddress.parse("127.0.0.1")));
        assertFalse(config.adminAllowlist().contains(IpAddress.parse("10.0.0.1")));
    }

    @Test
    void everyAddressAndTrustingEveryProxyAreExplicitChoicesWithWarnings() {
        ResguardoConfig config = load(with(Configs.sandbox(home()),
                "RESGUARDO_WEBHOOK_ALLOWLIST", "*", "RESGUARDO_TRUSTED_PROXIES", "*"));
        assertTrue(config.webhookAllowlist().matchesEverything());
        assertTrue(config.trustedProxies().matchesEverything());
        assertTrue(config.warnings().contains("RESGUARDO_WEBHOOK_ALLOWLIST admits every address"));
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("RESGUARDO_TRUSTED_PROXIES trusts")));
    }

    @Test
    void badAllowlistEntriesAreNamedByPosition() {
        String message = problems(with(Configs.sandbox(home()),
                "RESGUARDO_ADMIN_ALLOWLIST", "10.0.0.0/8,,10.1.2.3/8",
                "RESGUARDO_TRUSTED_PROXIES", "10.0.0.1, *"));
        assertTrue(message.contains("RESGUARDO_ADMIN_ALLOWLIST: entry 2 is empty"), message);
        assertTrue(message.contains("RESGUARDO_ADMIN_ALLOWLIST: entry 3 is not an IP address or CIDR block"), message);
        assertTrue(message.contains("RESGUARDO_TRUSTED_PROXIES: * must be the only entry"), message);
    }

    @Test
    void pagoEfectivoIsReachedOverHttpsOnlyEvenInTheSandbox() {
        ResguardoConfig config = load(with(Configs.sandbox(home()),
                "PAGOEFECTIVO_BASE_URL", "https://localhost:8443/resguardo/sandbox/"));
        assertEquals(URI.create("https://localhost:8443/resguardo/sandbox"), config.pagoEfectivoBaseUrl());
        assertTrue(config.pagoEfectivoBaseUrlSet());
        assertFalse(load(Configs.sandbox(home())).pagoEfectivoBaseUrlSet());

        String message = problems(with(Configs.sandbox(home()), "PAGOEFECTIVO_BASE_URL", "http://localhost:8080"));
        assertTrue(message.contains("PAGOEFECTIVO_BASE_URL: must use https"), message);
    }

    @Test
    void theSandboxDefaultsToTheSandboxHostAndAcceptsPlainHttpWhenAsked() {
        ResguardoConfig config = load(with(Configs.sandbox(home()), "RESGUARDO_REQUIRE_HTTPS", "FALSE",
                "RESGUARDO_SHOP_WEBHOOK_URL", "http://localhost:3000/hook",
                "RESGUARDO_SHOP_WEBHOOK_SECRET", Configs.WEBHOOK_SECRET,
                "RESGUARDO_ALERT_WEBHOOK_URL", "http://alerts.local/"));
        assertEquals(URI.create("https://pre1a.services.pagoefectivo.pe"), config.pagoEfectivoBaseUrl());
        assertFalse(config.requireHttps());
        assertEquals(URI.create("http://localhost:3000/hook"), config.shopWebhookUrl().orElseThrow());
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("RESGUARDO_REQUIRE_HTTPS is false")));
    }

    @Test
    void aRelativeHomeIsAProblem() {
        String message = problems(Map.of("RESGUARDO_HOME", "data/resguardo"));
        assertTrue(message.contains("RESGUARDO_HOME: must be an absolute path"), message);
    }
}
