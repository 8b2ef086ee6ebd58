package io.resguardo.web.admin;

import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseSettings;
import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.web.config.ResguardoConfig;
import io.resguardo.web.config.SettingSource;
import io.resguardo.web.log.SafeLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each preflight check on real configurations (loaded as at deployment) and a real H2 database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreflightTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String ACCESS_KEY = "C_NmkKhNT_ho-9-xAX1p1kGXGO1s4F0r";
    static final String SECRET_KEY = "VPtWJGU_YWKSCez4ULhGiPpySozDtiD3";
    static final String API_SECRET = "uDhISFEgwuH4QfujUjrr+G/LSqiOPMo90e/HdmI6dlQ=";

    @TempDir
    Path home;
    Database database;

    @BeforeAll
    void open(@TempDir Path dbHome) {
        database = Database.open(DatabaseSettings.embedded(dbHome), CLOCK);
    }

    @AfterAll
    void close() {
        database.close();
    }

    Map<String, String> production() {
        Map<String, String> s = new HashMap<>();
        s.put("RESGUARDO_ENV", "production");
        s.put("RESGUARDO_HOME", home.toString());
        s.put("RESGUARDO_DB_URL", "jdbc:postgresql://db.internal:5432/resguardo");
        s.put("PAGOEFECTIVO_SERVICE_ID", "20417");
        s.put("PAGOEFECTIVO_ACCESS_KEY", ACCESS_KEY);
        s.put("PAGOEFECTIVO_SECRET_KEY", SECRET_KEY);
        s.put("PAGOEFECTIVO_SECRET_KEY_CREATED", TODAY.minusDays(10).toString());
        s.put("RESGUARDO_API_KEYS", "shop-1=" + API_SECRET);
        s.put("RESGUARDO_WEBHOOK_ALLOWLIST", "190.216.0.0/16");
        s.put("RESGUARDO_API_ALLOWLIST", "10.0.0.0/8, 2001:db8::/32");
        return s;
    }

    Map<String, String> sandbox() {
        Map<String, String> s = production();
        s.put("RESGUARDO_ENV", "sandbox");
        s.remove("RESGUARDO_DB_URL");
        return s;
    }

    static Map<String, String> with(Map<String, String> settings, String name, String value) {
        settings.put(name, value);
        return settings;
    }

    static ResguardoConfig config(Map<String, String> settings) {
        return ResguardoConfig.load(SettingSource.of(settings), CLOCK);
    }

    Preflight preflight(ResguardoConfig config, Supplier<Optional<Duration>> offset) {
        return new Preflight(config, database, Redactor.withSecrets(config.secrets()), offset);
    }

    Preflight preflight(Map<String, String> settings) {
        return preflight(config(settings), () -> Optional.of(Duration.ofSeconds(2)));
    }

    @Test
    void aCompleteProductionConfigurationIsReady() {
        PreflightReport report = preflight(production()).run();
        assertTrue(report.ready(), report.toString());
        assertEquals(0, report.count(CheckStatus.WARN), report.toString());
        assertEquals(List.of("https-required", "secrets", "key-age", "environment-host", "allowlist-webhook",
                "allowlist-api", "allowlist-admin", "trusted-proxies", "clock-offset", "outbound-tls", "database",
                "redaction"), report.checks().stream().map(PreflightCheck::id).toList());
        for (PreflightCheck check : report.checks()) {
            assertFalse(check.detail().contains(SECRET_KEY) || check.fix().contains(SECRET_KEY));
        }
    }

    @Test
    void plainHttpAllowedFails() {
        PreflightReport report = preflight(with(sandbox(), "RESGUARDO_REQUIRE_HTTPS", "false")).run();
        assertEquals(CheckStatus.FAIL, report.check("https-required").orElseThrow().status());
        assertFalse(report.ready());
    }

    @Test
    void generatedSandboxCredentialsWarn() {
        Map<String, String> settings = sandbox();
        settings.remove("PAGOEFECTIVO_ACCESS_KEY");
        settings.remove("PAGOEFECTIVO_SECRET_KEY");
        PreflightCheck check = preflight(settings).secrets();
        assertEquals(CheckStatus.WARN, check.status());
        assertTrue(check.fix().contains("PAGOEFECTIVO_SECRET_KEY"));
        assertEquals(CheckStatus.PASS, preflight(sandbox()).secrets().status());
    }

    @ParameterizedTest
    @CsvSource({"0,PASS", "10,PASS", "80,PASS", "81,WARN", "90,WARN", "91,FAIL", "400,FAIL"})
    void keyAgeWarnsPast80DaysAndFailsPast90(int days, CheckStatus expected) {
        Map<String, String> settings = with(production(), "PAGOEFECTIVO_SECRET_KEY_CREATED",
                TODAY.minusDays(days).toString());
        PreflightCheck check = preflight(settings).keyAge();
        assertEquals(expected, check.status(), check.detail());
        assertTrue(check.detail().contains(days + " days old"), check.detail());
    }

    @Test
    void anUnknownKeyAgeWarnsAndNamesTheSetting() {
        Map<String, String> settings = production();
        settings.remove("PAGOEFECTIVO_SECRET_KEY_CREATED");
        PreflightCheck check = preflight(settings).keyAge();
        assertEquals(CheckStatus.WARN, check.status());
        assertTrue(check.fix().contains("PAGOEFECTIVO_SECRET_KEY_CREATED"));
    }

    @Test
    void aPreviousKeyInItsOverlapIsReported() {
        Map<String, String> settings = production();
        settings.put("PAGOEFECTIVO_SECRET_KEY_PREVIOUS", "QcGc0vBLZjrRG57FUttZcmp9duoqgI0y");
        settings.put("PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL", "2026-12-01T00:00:00Z");
        assertTrue(preflight(settings).keyAge().detail().contains("previous key accepted until 2026-12-01T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "production,,PASS",
            "production,https://services.pagoefectivo.pe/,PASS",
            "production,https://pe-proxy.shop.example/,WARN",
            "production,https://pe-proxy.shop.example/sandbox,FAIL",
            "production,https://pe-proxy.shop.example/sandbox/v1,FAIL",
            "sandbox,,PASS",
            "sandbox,https://pre1a.services.pagoefectivo.pe,PASS",
            "sandbox,https://127.0.0.1:8443/sandbox,PASS",
            "sandbox,https://services.pagoefectivo.pe,FAIL",
            "sandbox,https://SERVICES.pagoefectivo.pe.,FAIL"})
    void environmentAndBaseUrlHostMustAgree(String environment, String baseUrl, CheckStatus expected) {
        Map<String, String> settings = environment.equals("production") ? production() : sandbox();
        if (baseUrl != null) {
            settings.put("PAGOEFECTIVO_BASE_URL", baseUrl);
        }
        PreflightCheck check = preflight(settings).environmentHost();
        assertEquals(expected, check.status(), check.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "190.216.0.0/16; PASS",
            "*; WARN",
            "0.0.0.0/0; FAIL",
            "::/0; FAIL",
            "0.0.0.0/1, 128.0.0.0/1; FAIL",
            "0.0.0.0/0, ::/0; WARN"})
    void allowlistsMustNotAdmitEveryoneUnlessStarWasChosen(String allowlist, CheckStatus expected) {
        PreflightReport report = preflight(with(production(), "RESGUARDO_WEBHOOK_ALLOWLIST", allowlist)).run();
        assertEquals(expected, report.check("allowlist-webhook").orElseThrow().status());
        assertEquals(CheckStatus.PASS, report.check("allowlist-api").orElseThrow().status());
    }

    @Test
    void anEmptyAllowlistFails() {
        PreflightCheck check = Preflight.allowlist("allowlist-api", "RESGUARDO_API_ALLOWLIST", Allowlist.empty());
        assertEquals(CheckStatus.FAIL, check.status());
        assertTrue(check.detail().contains("admits nobody"));
    }

    @Test
    void theDefaultAdminAllowlistIsLoopbackAndPasses() {
        assertEquals(CheckStatus.PASS, preflight(production()).run().check("allowlist-admin").orElseThrow().status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "; PASS",
            "10.1.2.3; PASS",
            "10.1.0.0/16, 2001:db8:1::/48; PASS",
            "10.0.0.0/15; WARN",
            "2001:db8::/47; WARN",
            "10.1.2.3, 10.0.0.0/8; WARN",
            "0.0.0.0/0; FAIL",
            "10.1.2.3, ::/0; FAIL"})
    void trustedProxiesMustBeNarrow(String proxies, CheckStatus expected) {
        Map<String, String> settings = production();
        if (proxies != null) {
            settings.put("RESGUARDO_TRUSTED_PROXIES", proxies);
        }
        PreflightCheck check = preflight(settings).trustedProxies();
        assertEquals(expected, check.status(), check.detail());
    }

    @ParameterizedTest
    @CsvSource({"PT0S,PASS", "PT4M59S,PASS", "PT5M,PASS", "PT5M1S,FAIL", "-PT5M1S,FAIL", "-PT30S,PASS"})
    void theClockOffsetFailsOverFiveMinutesEitherWay(Duration offset, CheckStatus expected) {
        PreflightCheck check = preflight(config(production()), () -> Optional.of(offset)).clockOffset();
        assertEquals(expected, check.status(), check.detail());
    }

    @Test
    void anUnmeasurableClockOffsetWarns() {
        assertEquals(CheckStatus.WARN, preflight(config(production()), Optional::empty).clockOffset().status());
        PreflightCheck failing = preflight(config(production()), () -> {
            throw new IllegalStateException("PagoEfectivo unreachable");
        }).clockOffset();
        assertEquals(CheckStatus.WARN, failing.status());
    }

    @Test
    void outboundTlsStatesItsProtocols() {
        PreflightCheck check = preflight(production()).outboundTls();
        assertEquals(CheckStatus.PASS, check.status());
        assertTrue(check.detail().contains("TLSv1.3 and TLSv1.2 only"));
    }

    @Test
    void theDatabasePassesWhenItAnswersAndFailsWhenItDoesNot(@TempDir Path other) {
        PreflightCheck up = preflight(production()).database();
        assertEquals(CheckStatus.PASS, up.status());
        assertTrue(up.detail().contains("schema at version " + database.migrations().schemaVersion()), up.detail());

        Database closed = Database.open(DatabaseSettings.embedded(other), CLOCK);
        closed.close();
        ResguardoConfig config = config(production());
        PreflightCheck down = new Preflight(config, closed, Redactor.withSecrets(config.secrets()),
                Optional::empty).database();
        assertEquals(CheckStatus.FAIL, down.status());
    }

    @Test
    void redactionIsProvedWithoutTheCanaryReachingAnyLog() {
        try (LogCapture logs = new LogCapture()) {
            PreflightCheck check = preflight(production()).redaction();
            assertEquals(CheckStatus.PASS, check.status(), check.detail());
            assertFalse(logs.contains("preflight canary"), "the canary stays in its own handler");
            logs.assertNoneContain(SECRET_KEY);
        }
    }

    @Test
    void startUpLogsOneLinePerWarningOrFailureAndASummary() {
        Map<String, String> settings = with(production(), "RESGUARDO_TRUSTED_PROXIES", "0.0.0.0/0");
        settings.remove("PAGOEFECTIVO_SECRET_KEY_CREATED");
        ResguardoConfig config = config(settings);
        PreflightReport report = preflight(config, Optional::empty).run();
        try (LogCapture logs = new LogCapture()) {
            AdminSurface.logPreflight(report, new SafeLog(AdminSurface.LOGGER, Redactor.withSecrets(config.secrets())));
            List<String> lines = logs.lines().stream().filter(l -> l.contains("preflight")).toList();
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(logs.contains("preflight FAIL trusted-proxies"));
            assertTrue(logs.contains("preflight WARN key-age"));
            assertTrue(logs.contains("preflight WARN clock-offset"));
            assertTrue(logs.contains("preflight: NOT ready for production (9 pass, 2 warn, 1 fail)"));
        }
    }
}
