package io.resguardo.bench.web;

import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh random credentials for one benchmark deployment, and the settings (environment-variable names) that give
 * them to Resguardo: sandbox, H2 under a temporary home, loopback allowed, and buckets raised so far that the
 * throttle is never what is measured (it still runs on every request).
 */
final class Credentials {
    static final String KEY_ID = "shop-1";
    static final String UNLIMITED = "1000000/s,burst=1000000";

    private final String peSecretKey;
    private final byte[] apiKey = new byte[32];

    Credentials() {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        peSecretKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        random.nextBytes(apiKey);
    }

    /** Settings by environment-variable name. */
    Map<String, String> settings(java.nio.file.Path home, Map<String, String> more) {
        SecureRandom random = new SecureRandom();
        byte[] access = new byte[24];
        random.nextBytes(access);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("RESGUARDO_ENV", "sandbox");
        settings.put("RESGUARDO_HOME", home.toString());
        settings.put("PAGOEFECTIVO_SERVICE_ID", "1234");
        settings.put("PAGOEFECTIVO_ACCESS_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(access));
        settings.put("PAGOEFECTIVO_SECRET_KEY", peSecretKey);
        settings.put("RESGUARDO_API_KEYS", KEY_ID + "=" + Base64.getEncoder().encodeToString(apiKey));
        settings.put("RESGUARDO_WEBHOOK_ALLOWLIST", "127.0.0.1/32,::1/128");
        settings.put("RESGUARDO_API_ALLOWLIST", "127.0.0.1/32,::1/128");
        settings.put("RESGUARDO_RATE_LIMIT_WEBHOOK", UNLIMITED);
        settings.put("RESGUARDO_RATE_LIMIT_API", UNLIMITED);
        settings.putAll(more);
        return settings;
    }

    /** The same settings in servlet init-param form ({@code resguardo.rate.limit.webhook}). */
    Map<String, String> initParameters(java.nio.file.Path home, Map<String, String> more) {
        Map<String, String> params = new LinkedHashMap<>();
        settings(home, more).forEach((name, value) -> params.put(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'),
                value));
        return params;
    }

    Requests requests(String host, int port) {
        return new Requests(host, port, peSecretKey.getBytes(StandardCharsets.UTF_8), KEY_ID, Secret.ofBytes(apiKey));
    }
}
