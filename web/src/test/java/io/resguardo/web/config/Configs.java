package io.resguardo.web.config;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fixed clock, random-looking secrets (never placeholders) and complete configurations to vary in tests. */
final class Configs {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC);
    static final String SERVICE_ID = "20417";
    static final String ACCESS_KEY = "C_NmkKhNT_ho-9-xAX1p1kGXGO1s4F0r";
    static final String SECRET_KEY = "VPtWJGU_YWKSCez4ULhGiPpySozDtiD3";
    static final String PREVIOUS_KEY = "QcGc0vBLZjrRG57FUttZcmp9duoqgI0y";
    static final String API_SECRET = "uDhISFEgwuH4QfujUjrr+G/LSqiOPMo90e/HdmI6dlQ=";
    static final String API_SECRET_2 = "N0RoALtUq+w3k6OeewqHdICBC416fx9T3u9dfRGe8mk=";
    static final String WEBHOOK_SECRET = "whsec_uzHH+nS9zuDv/0k4bLYJoE+PqEeCL3ZvUlHX/74R5nE=";
    static final String DB_PASSWORD = "LBR3KbtAgERUG9iEnoUdzo2Q";
    static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, PREVIOUS_KEY, API_SECRET, API_SECRET_2,
            WEBHOOK_SECRET, DB_PASSWORD, "uDhISFEgwuH4QfujUjrr", "whsec_uzHH");

    private Configs() {
    }

    /** A complete, valid production configuration. */
    static Map<String, String> production(Path home) {
        Map<String, String> settings = new HashMap<>();
        settings.put("RESGUARDO_ENV", "production");
        settings.put("RESGUARDO_HOME", home.toString());
        settings.put("RESGUARDO_DB_URL", "jdbc:postgresql://db.internal:5432/resguardo");
        settings.put("RESGUARDO_DB_USER", "resguardo");
        settings.put("RESGUARDO_DB_PASSWORD", DB_PASSWORD);
        settings.put("PAGOEFECTIVO_SERVICE_ID", SERVICE_ID);
        settings.put("PAGOEFECTIVO_ACCESS_KEY", ACCESS_KEY);
        settings.put("PAGOEFECTIVO_SECRET_KEY", SECRET_KEY);
        settings.put("RESGUARDO_API_KEYS", "shop-1=" + API_SECRET + ",shop.2=" + API_SECRET_2);
        settings.put("RESGUARDO_SHOP_WEBHOOK_URL", "https://shop.example.pe/hooks/resguardo");
        settings.put("RESGUARDO_SHOP_WEBHOOK_SECRET", WEBHOOK_SECRET);
        settings.put("RESGUARDO_WEBHOOK_ALLOWLIST", "190.216.0.0/16");
        settings.put("RESGUARDO_API_ALLOWLIST", "10.0.0.0/8, 2001:db8::/32");
        return settings;
    }

    /** Only a home directory: everything else defaulted or generated. */
    static Map<String, String> sandbox(Path home) {
        Map<String, String> settings = new HashMap<>();
        settings.put("RESGUARDO_HOME", home.toString());
        return settings;
    }

    /** A copy with {@code name=value} pairs set; a {@code null} value removes the setting. */
    static Map<String, String> with(Map<String, String> settings, String... namesAndValues) {
        Map<String, String> copy = new HashMap<>(settings);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                copy.remove(namesAndValues[i]);
            } else {
                copy.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return copy;
    }

    static ResguardoConfig load(Map<String, String> settings) {
        return ResguardoConfig.load(SettingSource.of(settings), CLOCK, new SecureRandom(), "/nonexistent/user-home");
    }

    /** The message of the one exception the load throws; asserts that no known secret is in it. */
    static String problems(Map<String, String> settings) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> load(settings));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        String message = e.getMessage();
        for (String secret : SECRETS) {
            assertFalse(message.contains(secret), () -> "a secret leaked into: " + message);
        }
        return message;
    }
}
