package io.resguardo.web.config;

import io.resguardo.core.allowlist.IpAddress;
import io.resguardo.core.throttle.Rate;
import io.resguardo.sql.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.resguardo.web.config.Configs.load;
import static io.resguardo.web.config.Configs.problems;
import static io.resguardo.web.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionConfigTest {
    @TempDir
    Path home;

    @Test
    void aCompleteProductionConfigurationLoadsWithTypedValues() {
        ResguardoConfig config = load(Configs.production(home));

        assertEquals(Environment.PRODUCTION, config.environment());
        assertTrue(config.isProduction());
        assertEquals(home, config.home());
        assertEquals(DatabaseSettings.Kind.URL, config.database().kind());
        assertEquals(Optional.of("resguardo"), config.database().user());
        assertEquals(20417L, config.pagoEfectivoServiceId());
        assertArrayEquals(Configs.ACCESS_KEY.getBytes(StandardCharsets.UTF_8),
                config.pagoEfectivoAccessKey().revealBytes());
        assertArrayEquals(Configs.SECRET_KEY.getBytes(StandardCharsets.UTF_8),
                config.pagoEfectivoKeyRing().current().secret().revealBytes());
        assertEquals(URI.create("https://services.pagoefectivo.pe"), config.pagoEfectivoBaseUrl());
        assertEquals(List.of("shop-1", "shop.2"), List.copyOf(config.apiKeys().keySet()));
        assertEquals(URI.create("https://shop.example.pe/hooks/resguardo"), config.shopWebhookUrl().orElseThrow());
        assertTrue(config.shopWebhookSecret().isPresent());
        assertTrue(config.webhookAllowlist().contains(IpAddress.parse("190.216.4.5")));
        assertFalse(config.webhookAllowlist().contains(IpAddress.parse("127.0.0.1")));
        assertTrue(config.apiAllowlist().contains(IpAddress.parse("2001:db8::7")));
        assertTrue(config.adminAllowlist().contains(IpAddress.parse("127.0.0.1")));
        assertTrue(config.trustedProxies().isEmpty());
        assertTrue(config.requireHttps());
        assertEquals("max-age=31536000; includeSubDomains", config.hsts());
        assertEquals(Rate.DEFAULT_API, config.apiRateLimit());
        assertEquals(Rate.DEFAULT_WEBHOOK, config.webhookRateLimit());
        assertEquals(10, config.banAfterFailures());
        assertEquals(Duration.ofMinutes(1), config.banWindow());
        assertEquals(Duration.ofMinutes(15), config.banDuration());
        assertEquals(65536, config.maxBodyBytes());
        assertEquals(Duration.ofMinutes(5), config.maxClockSkew());
        assertEquals(Duration.ofSeconds(30), config.reconcileInterval());
        assertEquals(Optional.empty(), config.alertWebhookUrl());
        assertEquals(Optional.empty(), config.generatedCredentialsFile());
        assertEquals(Optional.empty(), config.pagoEfectivoClientKeyStore());
        assertEquals(0, config.revealClientKeyStorePassword().length);
    }

    @Test
    void anEmptyProductionConfigurationNamesEveryRequiredSettingInOneException() {
        String message = problems(Map.of("RESGUARDO_ENV", "production", "RESGUARDO_HOME", home.toString()));

        for (String name : List.of("PAGOEFECTIVO_SERVICE_ID", "PAGOEFECTIVO_ACCESS_KEY", "PAGOEFECTIVO_SECRET_KEY",
                "RESGUARDO_API_KEYS", "RESGUARDO_WEBHOOK_ALLOWLIST", "RESGUARDO_API_ALLOWLIST")) {
            assertTrue(message.contains(name + ": is required in production"), () -> name + " missing in " + message);
        }
        assertTrue(message.contains("(6 problems)"), message);
        assertFalse(Files.exists(home.resolve("sandbox")), "production never generates credentials");
    }

    @Test
    void anEmptyProductionConfigurationWithoutHomeUsesUserHomeAndStillListsEverything() {
        String message = problems(Map.of("RESGUARDO_ENV", "production"));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY: is required in production"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme-changeme", "test-secret-key-1234", "your-secret-key-here", "xxxxxxxxxxxxxxxxxxxx",
            "k7Qz9"})
    void aPlaceholderSecretKeyIsRefused(String placeholder) {
        String message = problems(with(Configs.production(home), "PAGOEFECTIVO_SECRET_KEY", placeholder));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY: "), message);
        assertFalse(message.contains(placeholder), message);
    }

    @Test
    void placeholdersAreRefusedForEveryCredentialAtOnce() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_ACCESS_KEY", "changeme",
                "RESGUARDO_SHOP_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "RESGUARDO_DB_PASSWORD", "password123"));
        assertTrue(message.contains("PAGOEFECTIVO_ACCESS_KEY: looks like a placeholder"), message);
        assertTrue(message.contains("RESGUARDO_SHOP_WEBHOOK_SECRET: is a sample key published in documentation"),
                message);
        assertTrue(message.contains("RESGUARDO_DB_PASSWORD: "), message);
        assertTrue(message.contains("(3 problems)"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pre1a.services.pagoefectivo.pe", "https://PRE1A.services.pagoefectivo.pe./",
            "https://pre1a.services.pagoefectivo.pe:443/v1"})
    void theSandboxHostIsRefusedInProduction(String url) {
        String message = problems(with(Configs.production(home), "PAGOEFECTIVO_BASE_URL", url));
        assertTrue(message.contains("PAGOEFECTIVO_BASE_URL: points at the PagoEfectivo sandbox host in production"),
                message);
    }

    @Test
    void plainHttpBaseUrlIsRefusedInProductionEvenOnLoopback() {
        String message = problems(with(Configs.production(home), "PAGOEFECTIVO_BASE_URL", "http://127.0.0.1:8080"));
        assertTrue(message.contains("PAGOEFECTIVO_BASE_URL: must use https in production"), message);
    }

    @Test
    void requireHttpsFalseIsRefusedInProduction() {
        String message = problems(with(Configs.production(home), "RESGUARDO_REQUIRE_HTTPS", "false"));
        assertTrue(message.contains("RESGUARDO_REQUIRE_HTTPS: false is refused in production"), message);
    }

    @Test
    void plainHttpCallbacksAreRefusedInProduction() {
        String message = problems(with(Configs.production(home),
                "RESGUARDO_SHOP_WEBHOOK_URL", "http://shop.example.pe/hook",
                "RESGUARDO_ALERT_WEBHOOK_URL", "http://alerts.example.pe/"));
        assertTrue(message.contains("RESGUARDO_SHOP_WEBHOOK_URL: must use https in production"), message);
        assertTrue(message.contains("RESGUARDO_ALERT_WEBHOOK_URL: must use https"), message);
    }

    @Test
    void aShopWebhookUrlWithoutSecretIsAProblem() {
        String message = problems(with(Configs.production(home), "RESGUARDO_SHOP_WEBHOOK_SECRET", null));
        assertTrue(message.contains("RESGUARDO_SHOP_WEBHOOK_SECRET: is required with RESGUARDO_SHOP_WEBHOOK_URL"),
                message);
    }

    @Test
    void aMisspeltEnvironmentIsAProblemAndTheRestIsCheckedAsProduction() {
        String message = problems(Map.of("RESGUARDO_ENV", "prod", "RESGUARDO_HOME", home.toString()));
        assertTrue(message.contains("RESGUARDO_ENV: must be sandbox or production"), message);
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY: is required in production"), message);
        assertFalse(message.contains("prod,"), message);
        assertFalse(Files.exists(home.resolve("sandbox")));
    }

    @Test
    void problemsNeverQuoteTheValuesOfOrdinarySettings() {
        String message = problems(with(Configs.production(home),
                "RESGUARDO_RATE_LIMIT_API", "lots-please",
                "RESGUARDO_WEBHOOK_ALLOWLIST", "190.216.0.0/16,not-an-address",
                "RESGUARDO_MAX_BODY_BYTES", "12",
                "RESGUARDO_HSTS", "max-age=1\r\nSet-Cookie: x=y",
                "RESGUARDO_DB_URL", "postgres://db/x?password=hunter2"));
        assertTrue(message.contains("RESGUARDO_RATE_LIMIT_API: must be <amount>/<s|m|h>"), message);
        assertTrue(message.contains("RESGUARDO_WEBHOOK_ALLOWLIST: entry 2 is not an IP address or CIDR block"),
                message);
        assertTrue(message.contains("RESGUARDO_MAX_BODY_BYTES: must be a whole number from 1024 to 10485760"),
                message);
        assertTrue(message.contains("RESGUARDO_HSTS: must be one header line"), message);
        assertTrue(message.contains("RESGUARDO_DB_URL: must be a JDBC URL"), message);
        for (String value : List.of("lots-please", "not-an-address", "Set-Cookie", "hunter2")) {
            assertFalse(message.contains(value), message);
        }
    }

    @Test
    void secretsNeverAppearInToString() {
        String shown = load(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS", Configs.PREVIOUS_KEY,
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL", "2026-12-01T00:00:00Z",
                "RESGUARDO_ALERT_WEBHOOK_URL", "https://alerts.example.pe/hook?token=abcdef123456")).toString();
        for (String secret : Configs.SECRETS) {
            assertFalse(shown.contains(secret), shown);
        }
        assertFalse(shown.contains("abcdef123456"), shown);
        assertTrue(shown.contains("PAGOEFECTIVO_ACCESS_KEY=***"), shown);
        assertTrue(shown.contains("RESGUARDO_API_KEYS=shop-1=***, shop.2=***"), shown);
        assertTrue(shown.contains("RESGUARDO_ALERT_WEBHOOK_URL=https://alerts.example.pe/hook?***"), shown);
        assertTrue(shown.contains("PAGOEFECTIVO_SERVICE_ID=20417"), shown);
    }

    @Test
    void theDataSourceWinsOverTheUrlWithAWarning() {
        ResguardoConfig config = load(with(Configs.production(home), "RESGUARDO_DATASOURCE", "java:comp/env/jdbc/rg"));
        assertEquals(DatabaseSettings.Kind.JNDI, config.database().kind());
        assertEquals(Optional.of("java:comp/env/jdbc/rg"), config.database().jndiName());
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("RESGUARDO_DATASOURCE is set")),
                config.warnings()::toString);
    }

    @Test
    void withoutADatabaseUrlTheEmbeddedDatabaseLivesUnderHomeWithThePoolSettings() {
        ResguardoConfig config = load(with(Configs.production(home), "RESGUARDO_DB_URL", null, "RESGUARDO_DB_USER",
                null, "RESGUARDO_DB_PASSWORD", null, "RESGUARDO_DB_POOL_SIZE", "4",
                "RESGUARDO_DB_CONNECTION_TIMEOUT", "PT1.5S"));
        assertEquals(DatabaseSettings.Kind.EMBEDDED, config.database().kind());
        assertEquals(Optional.of(home), config.database().home());
        assertEquals(4, config.database().poolSize());
        assertEquals(Duration.ofMillis(1500), config.database().connectionTimeout());
    }

    @Test
    void aDatabasePasswordWithoutUrlIsAProblem() {
        String message = problems(with(Configs.production(home), "RESGUARDO_DB_URL", null));
        assertTrue(message.contains("RESGUARDO_DB_PASSWORD: is set without RESGUARDO_DB_URL"), message);
        assertTrue(message.contains("RESGUARDO_DB_USER: is set without RESGUARDO_DB_URL"), message);
    }

    @Test
    void aPreviousKeyIsKeptUntilItsOverlapEnds() {
        ResguardoConfig config = load(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS", Configs.PREVIOUS_KEY,
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL", "2026-12-01T00:00:00Z",
                "PAGOEFECTIVO_SECRET_KEY_CREATED", "2026-11-01"));
        assertEquals(2, config.pagoEfectivoKeyRing().verifying().size());
    }

    @Test
    void rotationSettingsAreCheckedAndNamed() {
        String message = problems(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS", Configs.PREVIOUS_KEY,
                "PAGOEFECTIVO_SECRET_KEY_CREATED", "yesterday"));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY_CREATED: must be an ISO-8601 date"), message);

        message = problems(with(Configs.production(home), "PAGOEFECTIVO_SECRET_KEY_PREVIOUS", Configs.PREVIOUS_KEY));
        assertTrue(message.contains("PAGOEFECTIVO_SECRET_KEY_PREVIOUS: is set without "
                + "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL"), message);
    }

    @Test
    void anExpiredPreviousKeyIsDroppedWithAWarning() {
        ResguardoConfig config = load(with(Configs.production(home),
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS", Configs.PREVIOUS_KEY,
                "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL", "2026-11-01T00:00:00Z"));
        assertEquals(1, config.pagoEfectivoKeyRing().verifying().size());
        assertTrue(config.warnings().stream().anyMatch(w -> w.startsWith("PAGOEFECTIVO_SECRET_KEY_PREVIOUS")));
    }

    @Test
    void limitsAreParsedAndBounded() {
        ResguardoConfig config = load(with(Configs.production(home),
                "RESGUARDO_RATE_LIMIT_API", "5/s,burst=9", "RESGUARDO_RATE_LIMIT_WEBHOOK", "100/m",
                "RESGUARDO_BAN_AFTER_FAILURES", "3", "RESGUARDO_BAN_WINDOW", "PT30S", "RESGUARDO_BAN_DURATION", "PT1H",
                "RESGUARDO_MAX_BODY_BYTES", "1024", "RESGUARDO_MAX_CLOCK_SKEW", "PT10S",
                "RESGUARDO_HSTS", "max-age=63072000; includeSubDomains; preload"));
        assertEquals(new Rate(5, Duration.ofSeconds(1), 9), config.apiRateLimit());
        assertEquals(new Rate(100, Duration.ofMinutes(1), 100), config.webhookRateLimit());
        assertEquals(3, config.banAfterFailures());
        assertEquals(Duration.ofSeconds(30), config.banWindow());
        assertEquals(Duration.ofHours(1), config.banDuration());
        assertEquals(1024, config.maxBodyBytes());
        assertEquals(Duration.ofSeconds(10), config.maxClockSkew());
        assertEquals("max-age=63072000; includeSubDomains; preload", config.hsts());

        String message = problems(with(Configs.production(home),
                "RESGUARDO_BAN_AFTER_FAILURES", "0", "RESGUARDO_BAN_WINDOW", "1 minute",
                "RESGUARDO_BAN_DURATION", "P31D", "RESGUARDO_MAX_BODY_BYTES", "10485761",
                "RESGUARDO_MAX_CLOCK_SKEW", "PT9S", "RESGUARDO_REQUIRE_HTTPS", "yes", "RESGUARDO_HSTS", "preload"));
        for (String name : List.of("RESGUARDO_BAN_AFTER_FAILURES", "RESGUARDO_BAN_WINDOW", "RESGUARDO_BAN_DURATION",
                "RESGUARDO_MAX_BODY_BYTES", "RESGUARDO_MAX_CLOCK_SKEW", "RESGUARDO_REQUIRE_HTTPS", "RESGUARDO_HSTS")) {
            assertTrue(message.contains(name + ": "), () -> name + " missing in " + message);
        }
        assertTrue(message.contains("(7 problems)"), message);
    }

    @Test
    void theReconcileIntervalIsADurationFromOneSecondToOneHour() {
        assertEquals(Duration.ofSeconds(1),
                load(with(Configs.production(home), "RESGUARDO_RECONCILE_INTERVAL", "PT1S")).reconcileInterval());
        assertEquals(Duration.ofHours(1),
                load(with(Configs.production(home), "RESGUARDO_RECONCILE_INTERVAL", "PT1H")).reconcileInterval());
        for (String bad : List.of("PT0.999S", "PT0S", "-PT5S", "PT1H0.001S", "30s", "P1D")) {
            String message = problems(with(Configs.production(home), "RESGUARDO_RECONCILE_INTERVAL", bad));
            assertTrue(message.contains("RESGUARDO_RECONCILE_INTERVAL: must be an ISO-8601 duration from PT1S to PT1H"),
                    () -> bad + ": " + message);
            assertFalse(message.contains(bad), "the value is never quoted");
        }
    }

    @Test
    void urlsWithCredentialsAreRefusedWithoutShowingThem() {
        String message = problems(with(Configs.production(home),
                "RESGUARDO_SHOP_WEBHOOK_URL", "https://user:hunter2@shop.example.pe/hook",
                "PAGOEFECTIVO_BASE_URL", "ftp://services.pagoefectivo.pe"));
        assertTrue(message.contains("RESGUARDO_SHOP_WEBHOOK_URL: must not contain a user name or password"), message);
        assertTrue(message.contains("PAGOEFECTIVO_BASE_URL: must be an absolute http:// or https:// URL"), message);
        assertFalse(message.contains("hunter2"), message);
    }
}
