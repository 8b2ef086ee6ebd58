package io.resguardo.web.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The names of every setting of CONTRACT.md section 7, in their environment-variable form, and how that form maps
 * to the other places a setting may come from.
 *
 * <p>Mapping: lower-case; for a Java system property or servlet init-param every {@code _} becomes {@code .}
 * ({@code RESGUARDO_DB_URL} → {@code resguardo.db.url}); for JNDI the first {@code _} becomes {@code /} and the
 * others {@code .}, under {@code java:comp/env/} ({@code java:comp/env/resguardo/db.url}).
 */
public final class SettingNames {
    public static final String ENV = "RESGUARDO_ENV";
    public static final String HOME = "RESGUARDO_HOME";
    public static final String DATASOURCE = "RESGUARDO_DATASOURCE";
    public static final String DB_URL = "RESGUARDO_DB_URL";
    public static final String DB_USER = "RESGUARDO_DB_USER";
    public static final String DB_PASSWORD = "RESGUARDO_DB_PASSWORD";
    public static final String DB_POOL_SIZE = "RESGUARDO_DB_POOL_SIZE";
    public static final String DB_CONNECTION_TIMEOUT = "RESGUARDO_DB_CONNECTION_TIMEOUT";
    public static final String SERVICE_ID = "PAGOEFECTIVO_SERVICE_ID";
    public static final String ACCESS_KEY = "PAGOEFECTIVO_ACCESS_KEY";
    public static final String SECRET_KEY = "PAGOEFECTIVO_SECRET_KEY";
    public static final String SECRET_KEY_PREVIOUS = "PAGOEFECTIVO_SECRET_KEY_PREVIOUS";
    public static final String SECRET_KEY_PREVIOUS_UNTIL = "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL";
    public static final String SECRET_KEY_CREATED = "PAGOEFECTIVO_SECRET_KEY_CREATED";
    public static final String BASE_URL = "PAGOEFECTIVO_BASE_URL";
    public static final String CLIENT_KEYSTORE = "PAGOEFECTIVO_CLIENT_KEYSTORE";
    public static final String CLIENT_KEYSTORE_PASSWORD = "PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD";
    public static final String TRUSTSTORE = "PAGOEFECTIVO_TRUSTSTORE";
    public static final String TRUSTSTORE_PASSWORD = "PAGOEFECTIVO_TRUSTSTORE_PASSWORD";
    public static final String API_KEYS = "RESGUARDO_API_KEYS";
    public static final String SHOP_WEBHOOK_URL = "RESGUARDO_SHOP_WEBHOOK_URL";
    public static final String SHOP_WEBHOOK_SECRET = "RESGUARDO_SHOP_WEBHOOK_SECRET";
    public static final String WEBHOOK_ALLOWLIST = "RESGUARDO_WEBHOOK_ALLOWLIST";
    public static final String API_ALLOWLIST = "RESGUARDO_API_ALLOWLIST";
    public static final String ADMIN_ALLOWLIST = "RESGUARDO_ADMIN_ALLOWLIST";
    public static final String TRUSTED_PROXIES = "RESGUARDO_TRUSTED_PROXIES";
    public static final String REQUIRE_HTTPS = "RESGUARDO_REQUIRE_HTTPS";
    public static final String HSTS = "RESGUARDO_HSTS";
    public static final String RATE_LIMIT_API = "RESGUARDO_RATE_LIMIT_API";
    public static final String RATE_LIMIT_WEBHOOK = "RESGUARDO_RATE_LIMIT_WEBHOOK";
    public static final String BAN_AFTER_FAILURES = "RESGUARDO_BAN_AFTER_FAILURES";
    public static final String BAN_WINDOW = "RESGUARDO_BAN_WINDOW";
    public static final String BAN_DURATION = "RESGUARDO_BAN_DURATION";
    public static final String MAX_BODY_BYTES = "RESGUARDO_MAX_BODY_BYTES";
    public static final String MAX_CLOCK_SKEW = "RESGUARDO_MAX_CLOCK_SKEW";
    public static final String ALERT_WEBHOOK_URL = "RESGUARDO_ALERT_WEBHOOK_URL";
    /** An addition to CONTRACT.md section 7: the reconciler's pass period. */
    public static final String RECONCILE_INTERVAL = "RESGUARDO_RECONCILE_INTERVAL";

    /** Suffix of the setting that holds the path of a file containing a secret (container secrets convention). */
    public static final String FILE_SUFFIX = "_FILE";

    private static final String JNDI_PREFIX = "java:comp/env/";

    private SettingNames() {
    }

    /**
     * The system-property and servlet init-param form: {@code PAGOEFECTIVO_SECRET_KEY} →
     * {@code pagoefectivo.secret.key}.
     */
    public static String propertyName(String name) {
        return requireName(name).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * The JNDI form: {@code PAGOEFECTIVO_SECRET_KEY} → {@code java:comp/env/pagoefectivo/secret.key}.
     */
    public static String jndiName(String name) {
        String lower = requireName(name).toLowerCase(Locale.ROOT);
        int first = lower.indexOf('_');
        if (first < 0) {
            return JNDI_PREFIX + lower;
        }
        return JNDI_PREFIX + lower.substring(0, first) + '/' + lower.substring(first + 1).replace('_', '.');
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("setting name is empty");
        }
        return name;
    }
}
