package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.throttle.Rate;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.sql.DatabaseSettings;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of CONTRACT.md section 7, validated at once.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Built only by {@link #load}, which checks every setting and then either returns a configuration that is
 *       complete for its {@link Environment} or throws one {@link InvalidConfigurationException} listing every
 *       problem as {@code NAME: what is wrong}, never a value. In {@link Environment#PRODUCTION} every credential
 *       and the webhook and API allowlists are required, placeholder secrets, the sandbox host, plain HTTP and
 *       {@code RESGUARDO_REQUIRE_HTTPS=false} are refused.</li>
 *   <li>Secrets are held as {@link Secret}, {@link KeyRing} or {@link WebhookSecret}; {@link #toString()} shows
 *       them as {@code ***} and URLs without their query.</li>
 *   <li>Immutable and thread-safe, except that the {@link KeyStore}s returned are the loaded instances: callers hand
 *       them to a key or trust manager factory and never modify them.</li>
 *   <li>Any secret may be given as {@code NAME_FILE} (one trailing newline of the file ignored); setting both is a
 *       problem. In the sandbox, missing PagoEfectivo credentials and the shop API key are generated once and kept
 *       in {@link #generatedCredentialsFile()} (owner-only), so they survive restarts.</li>
 * </ul>
 */
public final class ResguardoConfig {
    private final Environment environment;
    private final Path home;
    private final DatabaseSettings database;
    private final long serviceId;
    private final Secret accessKey;
    private final KeyRing keyRing;
    private final URI baseUrl;
    private final boolean baseUrlSet;
    private final KeyStore clientKeyStore;
    private final Secret clientKeyStorePassword;
    private final KeyStore trustStore;
    private final Map<String, Secret> apiKeys;
    private final URI shopWebhookUrl;
    private final WebhookSecret shopWebhookSecret;
    private final Allowlist webhookAllowlist;
    private final Allowlist apiAllowlist;
    private final Allowlist adminAllowlist;
    private final Allowlist trustedProxies;
    private final boolean requireHttps;
    private final String hsts;
    private final Rate apiRate;
    private final Rate webhookRate;
    private final int banAfterFailures;
    private final Duration banWindow;
    private final Duration banDuration;
    private final int maxBodyBytes;
    private final Duration maxClockSkew;
    private final URI alertWebhookUrl;
    private final Duration reconcileInterval;
    private final List<String> warnings;
    private final Path generatedCredentialsFile;

    ResguardoConfig(ConfigValues values) {
        this.environment = values.environment;
        this.home = values.home;
        this.database = values.database;
        this.serviceId = values.serviceId;
        this.accessKey = values.accessKey;
        this.keyRing = values.keyRing;
        this.baseUrl = values.baseUrl;
        this.baseUrlSet = values.baseUrlSet;
        this.clientKeyStore = values.clientKeyStore;
        this.clientKeyStorePassword = values.clientKeyStorePassword;
        this.trustStore = values.trustStore;
        this.apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(values.apiKeys));
        this.shopWebhookUrl = values.shopWebhookUrl;
        this.shopWebhookSecret = values.shopWebhookSecret;
        this.webhookAllowlist = values.webhookAllowlist;
        this.apiAllowlist = values.apiAllowlist;
        this.adminAllowlist = values.adminAllowlist;
        this.trustedProxies = values.trustedProxies;
        this.requireHttps = values.requireHttps;
        this.hsts = values.hsts;
        this.apiRate = values.apiRate;
        this.webhookRate = values.webhookRate;
        this.banAfterFailures = values.banAfterFailures;
        this.banWindow = values.banWindow;
        this.banDuration = values.banDuration;
        this.maxBodyBytes = values.maxBodyBytes;
        this.maxClockSkew = values.maxClockSkew;
        this.alertWebhookUrl = values.alertWebhookUrl;
        this.reconcileInterval = values.reconcileInterval;
        this.warnings = List.copyOf(values.warnings);
        this.generatedCredentialsFile = values.generatedCredentialsFile;
    }

    /**
     * Reads and validates every setting from {@code source}. The default {@code RESGUARDO_HOME} is
     * {@code ${user.home}/.resguardo} (system property {@code user.home}); sandbox credentials are drawn from a
     * {@link SecureRandom}.
     *
     * @param clock judges key-rotation windows, and dates the sandbox credentials file
     * @throws InvalidConfigurationException listing every problem, each as {@code NAME: what is wrong}
     */
    public static ResguardoConfig load(SettingSource source, Clock clock) {
        return load(source, clock, new SecureRandom(), System.getProperty("user.home"));
    }

    static ResguardoConfig load(SettingSource source, Clock clock, SecureRandom random, String userHome) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clock, "clock");
        return new ConfigLoader(source, clock, Objects.requireNonNull(random, "random"), userHome).load();
    }

    /** {@code RESGUARDO_ENV}. */
    public Environment environment() {
        return environment;
    }

    public boolean isProduction() {
        return environment == Environment.PRODUCTION;
    }

    /** {@code RESGUARDO_HOME}: absolute, normalized; not created by loading unless sandbox credentials were. */
    public Path home() {
        return home;
    }

    /**
     * {@code RESGUARDO_DATASOURCE} when set, else {@code RESGUARDO_DB_URL}/{@code _USER}/{@code _PASSWORD}, else the
     * embedded H2 database under {@link #home()}; with {@code RESGUARDO_DB_POOL_SIZE} and
     * {@code RESGUARDO_DB_CONNECTION_TIMEOUT}.
     */
    public DatabaseSettings database() {
        return database;
    }

    /** {@code PAGOEFECTIVO_SERVICE_ID}: the {@code idService} of the authorization call. */
    public long pagoEfectivoServiceId() {
        return serviceId;
    }

    /** {@code PAGOEFECTIVO_ACCESS_KEY}. */
    public Secret pagoEfectivoAccessKey() {
        return accessKey;
    }

    /**
     * {@code PAGOEFECTIVO_SECRET_KEY}, with {@code _PREVIOUS}, {@code _PREVIOUS_UNTIL} and {@code _CREATED}: the
     * current key signs the authorization, every valid key verifies notifications.
     */
    public KeyRing pagoEfectivoKeyRing() {
        return keyRing;
    }

    /** {@code PAGOEFECTIVO_BASE_URL}, without a trailing slash; the per-environment default of CONTRACT.md §2. */
    public URI pagoEfectivoBaseUrl() {
        return baseUrl;
    }

    /**
     * True when {@code PAGOEFECTIVO_BASE_URL} was set. A sandbox without it uses the simulator built into this WAR
     * in-process; with it, the PagoEfectivo client calls that URL (PagoEfectivo's own sandbox, or this WAR's
     * {@code /sandbox} over HTTPS).
     */
    public boolean pagoEfectivoBaseUrlSet() {
        return baseUrlSet;
    }

    /** {@code PAGOEFECTIVO_CLIENT_KEYSTORE}, loaded; holds at least one private key readable with its password. */
    public Optional<KeyStore> pagoEfectivoClientKeyStore() {
        return Optional.ofNullable(clientKeyStore);
    }

    /** {@code PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD} (UTF-8), present exactly when the client key store is. */
    public Optional<Secret> pagoEfectivoClientKeyStorePassword() {
        return Optional.ofNullable(clientKeyStorePassword);
    }

    /**
     * The client key store password for {@code KeyManagerFactory.init}: a new array, empty when no client key store
     * is configured. The caller clears it once used.
     */
    public char[] revealClientKeyStorePassword() {
        if (clientKeyStorePassword == null) {
            return new char[0];
        }
        byte[] bytes = clientKeyStorePassword.revealBytes();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        try {
            char[] password = new char[decoded.remaining()];
            decoded.get(password);
            return password;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(decoded.array(), '\0');
        }
    }

    /** {@code PAGOEFECTIVO_TRUSTSTORE}, loaded; empty means the JVM's default trust store. */
    public Optional<KeyStore> pagoEfectivoTrustStore() {
        return Optional.ofNullable(trustStore);
    }

    /**
     * Every secret this configuration holds that a log line could ever quote (access key, notification keys, shop
     * API keys, key store password): what the log redactor must mask by value.
     */
    public List<Secret> secrets() {
        List<Secret> all = new java.util.ArrayList<>();
        all.add(accessKey);
        keyRing.keys().forEach(k -> all.add(k.secret()));
        all.addAll(apiKeys.values());
        if (clientKeyStorePassword != null) {
            all.add(clientKeyStorePassword);
        }
        return List.copyOf(all);
    }

    /** {@code RESGUARDO_API_KEYS}: shop key id to HMAC key, in the configured order; unmodifiable, never empty. */
    public Map<String, Secret> apiKeys() {
        return apiKeys;
    }

    /** {@code RESGUARDO_SHOP_WEBHOOK_URL}; when present, {@link #shopWebhookSecret()} is too. */
    public Optional<URI> shopWebhookUrl() {
        return Optional.ofNullable(shopWebhookUrl);
    }

    /** {@code RESGUARDO_SHOP_WEBHOOK_SECRET}. */
    public Optional<WebhookSecret> shopWebhookSecret() {
        return Optional.ofNullable(shopWebhookSecret);
    }

    /** {@code RESGUARDO_WEBHOOK_ALLOWLIST}; sandbox default loopback, required (never empty) in production. */
    public Allowlist webhookAllowlist() {
        return webhookAllowlist;
    }

    /** {@code RESGUARDO_API_ALLOWLIST}; sandbox default loopback, required (never empty) in production. */
    public Allowlist apiAllowlist() {
        return apiAllowlist;
    }

    /** {@code RESGUARDO_ADMIN_ALLOWLIST}; default loopback. */
    public Allowlist adminAllowlist() {
        return adminAllowlist;
    }

    /** {@code RESGUARDO_TRUSTED_PROXIES}; default empty (forwarded headers believed from nobody). */
    public Allowlist trustedProxies() {
        return trustedProxies;
    }

    /** {@code RESGUARDO_REQUIRE_HTTPS}; always true in production. */
    public boolean requireHttps() {
        return requireHttps;
    }

    /** {@code RESGUARDO_HSTS}: the Strict-Transport-Security value, one line, with a {@code max-age}. */
    public String hsts() {
        return hsts;
    }

    /** {@code RESGUARDO_RATE_LIMIT_API}. */
    public Rate apiRateLimit() {
        return apiRate;
    }

    /** {@code RESGUARDO_RATE_LIMIT_WEBHOOK}. */
    public Rate webhookRateLimit() {
        return webhookRate;
    }

    /** {@code RESGUARDO_BAN_AFTER_FAILURES}, 1 to 1000. */
    public int banAfterFailures() {
        return banAfterFailures;
    }

    /** {@code RESGUARDO_BAN_WINDOW}, 1 second to 1 day. */
    public Duration banWindow() {
        return banWindow;
    }

    /** {@code RESGUARDO_BAN_DURATION}, 1 second to 30 days. */
    public Duration banDuration() {
        return banDuration;
    }

    /** {@code RESGUARDO_MAX_BODY_BYTES}, 1024 to 10485760. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** {@code RESGUARDO_MAX_CLOCK_SKEW}, 10 seconds to 1 hour. */
    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    /** {@code RESGUARDO_ALERT_WEBHOOK_URL}. */
    public Optional<URI> alertWebhookUrl() {
        return Optional.ofNullable(alertWebhookUrl);
    }

    /**
     * {@code RESGUARDO_RECONCILE_INTERVAL} (an addition to CONTRACT.md section 7): the time between the end of one
     * reconciler pass and the start of the next, 1 second to 1 hour, default 30 seconds.
     */
    public Duration reconcileInterval() {
        return reconcileInterval;
    }

    /** Non-fatal notes for the start-up log (defaults taken, risky choices); never a value of a secret. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Where the sandbox keeps the demo credentials it generated, when any setting came from there: the place to
     * log, so a developer can find them. Never present in production.
     */
    public Optional<Path> generatedCredentialsFile() {
        return Optional.ofNullable(generatedCredentialsFile);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ResguardoConfig[");
        field(out, SettingNames.ENV, environment.settingValue());
        field(out, SettingNames.HOME, home);
        field(out, "database", database);
        field(out, SettingNames.SERVICE_ID, serviceId);
        field(out, SettingNames.ACCESS_KEY, "***");
        field(out, SettingNames.SECRET_KEY, "*** " + keyRing);
        field(out, SettingNames.BASE_URL, Urls.shown(baseUrl));
        field(out, SettingNames.CLIENT_KEYSTORE, clientKeyStore == null ? "none" : "loaded, password ***");
        field(out, SettingNames.TRUSTSTORE, trustStore == null ? "JVM default" : "loaded");
        field(out, SettingNames.API_KEYS, String.join("=***, ", apiKeys.keySet()) + "=***");
        field(out, SettingNames.SHOP_WEBHOOK_URL, shopWebhookUrl == null ? "none" : Urls.shown(shopWebhookUrl));
        field(out, SettingNames.SHOP_WEBHOOK_SECRET, shopWebhookSecret == null ? "none" : "***");
        field(out, SettingNames.WEBHOOK_ALLOWLIST, webhookAllowlist);
        field(out, SettingNames.API_ALLOWLIST, apiAllowlist);
        field(out, SettingNames.ADMIN_ALLOWLIST, adminAllowlist);
        field(out, SettingNames.TRUSTED_PROXIES, trustedProxies);
        field(out, SettingNames.REQUIRE_HTTPS, requireHttps);
        field(out, SettingNames.HSTS, hsts);
        field(out, SettingNames.RATE_LIMIT_API, apiRate);
        field(out, SettingNames.RATE_LIMIT_WEBHOOK, webhookRate);
        field(out, SettingNames.BAN_AFTER_FAILURES, banAfterFailures);
        field(out, SettingNames.BAN_WINDOW, banWindow);
        field(out, SettingNames.BAN_DURATION, banDuration);
        field(out, SettingNames.MAX_BODY_BYTES, maxBodyBytes);
        field(out, SettingNames.MAX_CLOCK_SKEW, maxClockSkew);
        field(out, SettingNames.ALERT_WEBHOOK_URL, alertWebhookUrl == null ? "none" : Urls.shown(alertWebhookUrl));
        field(out, SettingNames.RECONCILE_INTERVAL, reconcileInterval);
        return out.append(']').toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        if (out.charAt(out.length() - 1) != '[') {
            out.append(", ");
        }
        out.append(name).append('=').append(value);
    }
}
