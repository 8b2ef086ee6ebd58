package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.webhook.WebhookSecret;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static io.resguardo.web.config.SettingNames.*;

/**
 * One load of the configuration: reads every setting, records every problem, and builds {@link ResguardoConfig}
 * only when there is none. Nothing is written (sandbox credentials) unless the whole configuration is valid.
 */
final class ConfigLoader {
    static final String SANDBOX_HOST = "pre1a.services.pagoefectivo.pe";
    static final URI SANDBOX_BASE_URL = URI.create("https://" + SANDBOX_HOST);
    static final URI PRODUCTION_BASE_URL = URI.create("https://services.pagoefectivo.pe");

    static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofSeconds(30);
    private static final Pattern SERVICE_ID_DIGITS = Pattern.compile("[0-9]{1,10}");

    private final SettingReader read;
    private final Problems problems = new Problems();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> sandboxDefaults = new ArrayList<>();
    private final Clock clock;
    private final SecureRandom random;
    private final String userHome;
    private final ConfigValues values = new ConfigValues();
    /** Opened on first need, so a fully configured sandbox never touches the file. */
    private SandboxCredentials sandbox;

    ConfigLoader(SettingSource source, Clock clock, SecureRandom random, String userHome) {
        this.read = new SettingReader(source, problems);
        this.clock = clock;
        this.random = random;
        this.userHome = userHome;
    }

    ResguardoConfig load() {
        values.environment = environment();
        values.home = home();
        values.database = new DatabaseLoader(read, problems, warnings, production()).load(values.home);
        pagoEfectivoCredentials();
        values.baseUrl = baseUrl();
        values.baseUrlSet = read.text(BASE_URL).isPresent();
        tlsStores();
        values.apiKeys = apiKeys();
        shopWebhook();
        new ProtectionLoader(read, problems, warnings, production(), sandboxDefaults).load(values);
        values.alertWebhookUrl = alertWebhookUrl();
        // Above an hour, orders past their expiry would wait that long to be expired.
        values.reconcileInterval = read.duration(RECONCILE_INTERVAL, DEFAULT_RECONCILE_INTERVAL,
                Duration.ofSeconds(1), Duration.ofHours(1));
        if (problems.isEmpty() && sandbox != null) {
            sandbox.persistIfChanged(problems);
        }
        problems.throwIfAny();
        sandboxNotes();
        values.warnings = List.copyOf(warnings);
        return new ResguardoConfig(values);
    }

    private boolean production() {
        return values.environment == Environment.PRODUCTION;
    }

    private Environment environment() {
        Optional<String> text = read.text(ENV);
        if (text.isEmpty()) {
            return Environment.SANDBOX;
        }
        Optional<Environment> environment = Environment.fromSetting(text.get());
        if (environment.isEmpty()) {
            // The stricter rules: an operator who misspelt "production" must not get generated demo credentials.
            problems.add(ENV, "must be sandbox or production (the other settings were checked as for production)");
            return Environment.PRODUCTION;
        }
        return environment.get();
    }

    private Path home() {
        Optional<String> text = read.text(HOME);
        if (text.isPresent()) {
            try {
                Path home = Path.of(text.get());
                if (home.isAbsolute()) {
                    return home.normalize();
                }
                // A relative path would depend on the directory the container happens to start in.
                problems.add(HOME, "must be an absolute path");
            } catch (InvalidPathException e) {
                problems.add(HOME, "is not a valid path");
            }
            return null;
        }
        if (userHome == null || userHome.isBlank()) {
            problems.add(HOME, "is not set and the system property user.home is empty");
            return null;
        }
        return Path.of(userHome, ".resguardo").toAbsolutePath().normalize();
    }

    private void pagoEfectivoCredentials() {
        serviceId(textOrFallback(SERVICE_ID));
        values.accessKey = secretOrFallback(ACCESS_KEY)
                .flatMap(text -> read.checkedSecret(ACCESS_KEY, text))
                .orElse(null);
        values.keyRing = keyRing();
    }

    private void serviceId(Optional<String> text) {
        if (text.isEmpty()) {
            return;
        }
        long id = SERVICE_ID_DIGITS.matcher(text.get()).matches() ? Long.parseLong(text.get()) : 0;
        if (id <= 0) {
            problems.add(SERVICE_ID, "must be the number PagoEfectivo issued: 1 to 10 digits, not zero");
            return;
        }
        values.serviceId = id;
    }

    private KeyRing keyRing() {
        Optional<String> current = secretOrFallback(SECRET_KEY);
        Optional<String> previous = read.secret(SECRET_KEY_PREVIOUS);
        Instant until = parsed(SECRET_KEY_PREVIOUS_UNTIL, Instant::parse,
                "an ISO-8601 instant such as 2026-12-31T23:59:59Z");
        LocalDate created = parsed(SECRET_KEY_CREATED, LocalDate::parse, "an ISO-8601 date such as 2026-01-31");
        boolean usable = current.isPresent() && read.checkedSecret(SECRET_KEY, current.get()).isPresent();
        usable &= previous.isEmpty() || read.checkedSecret(SECRET_KEY_PREVIOUS, previous.get()).isPresent();
        if (!usable || (read.isSet(SECRET_KEY_PREVIOUS_UNTIL) && until == null)
                || (read.isSet(SECRET_KEY_CREATED) && created == null)) {
            return null;
        }
        if (previous.isPresent() && until != null && !clock.instant().isBefore(until)) {
            warnings.add(SECRET_KEY_PREVIOUS + " is no longer accepted (its overlap has ended); the setting can be"
                    + " removed");
        }
        Map<String, String> settings = new HashMap<>();
        settings.put(KeyRing.SECRET_KEY, current.get());
        previous.ifPresent(key -> settings.put(KeyRing.SECRET_KEY_PREVIOUS, key));
        read.text(SECRET_KEY_PREVIOUS_UNTIL).ifPresent(text -> settings.put(KeyRing.SECRET_KEY_PREVIOUS_UNTIL, text));
        read.text(SECRET_KEY_CREATED).ifPresent(text -> settings.put(KeyRing.SECRET_KEY_CREATED, text));
        try {
            return KeyRing.fromSettings(settings, clock);
        } catch (InvalidConfigurationException e) {
            problems.add(SECRET_KEY, e);
            return null;
        }
    }

    private <T> T parsed(String name, Function<String, T> parser, String expected) {
        Optional<String> text = read.text(name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text.get());
        } catch (DateTimeParseException e) {
            problems.add(name, "must be " + expected);
            return null;
        }
    }

    private URI baseUrl() {
        URI defaultUrl = production() ? PRODUCTION_BASE_URL : SANDBOX_BASE_URL;
        Optional<String> text = read.text(BASE_URL);
        if (text.isEmpty()) {
            return defaultUrl;
        }
        Optional<URI> parsed = Urls.absoluteHttp(BASE_URL, text.get(), problems);
        if (parsed.isEmpty()) {
            return defaultUrl;
        }
        URI uri = parsed.get();
        if (uri.getRawQuery() != null) {
            problems.add(BASE_URL, "must not have a ?query");
        }
        if (!Urls.isHttps(uri)) {
            // The client speaks TLS 1.2/1.3 only, in every environment: the built-in sandbox is reached over HTTPS
            // too, trusting its certificate through PAGOEFECTIVO_TRUSTSTORE.
            problems.add(BASE_URL, production() ? "must use https in production" : "must use https");
        }
        String host = Urls.hostWithoutTrailingDot(uri);
        if (production() && host.equals(SANDBOX_HOST)) {
            problems.add(BASE_URL, "points at the PagoEfectivo sandbox host in production");
        }
        if (!production() && host.equals(PRODUCTION_BASE_URL.getHost())) {
            warnings.add(BASE_URL + " points the sandbox at PagoEfectivo production");
        }
        return Urls.withoutTrailingSlash(uri);
    }

    private void tlsStores() {
        Optional<String> keyStore = read.text(CLIENT_KEYSTORE);
        if (keyStore.isPresent()) {
            Optional<String> password = read.secret(CLIENT_KEYSTORE_PASSWORD);
            if (password.isPresent()) {
                values.clientKeyStore = loadStore(CLIENT_KEYSTORE, keyStore.get(), CLIENT_KEYSTORE_PASSWORD,
                        password.get(), KeyStores.Purpose.CLIENT_KEY);
                values.clientKeyStorePassword = passwordSecret(CLIENT_KEYSTORE_PASSWORD, password.get());
            } else if (!read.isSecretSet(CLIENT_KEYSTORE_PASSWORD)) {
                // A client key store holds a private key, which is never kept unencrypted.
                problems.add(CLIENT_KEYSTORE_PASSWORD, "is required with " + CLIENT_KEYSTORE);
            }
        } else if (read.isSecretSet(CLIENT_KEYSTORE_PASSWORD)) {
            problems.add(CLIENT_KEYSTORE_PASSWORD, "is set without " + CLIENT_KEYSTORE);
        }
        Optional<String> trustStore = read.text(TRUSTSTORE);
        if (trustStore.isPresent()) {
            values.trustStore = loadStore(TRUSTSTORE, trustStore.get(), TRUSTSTORE_PASSWORD,
                    read.secret(TRUSTSTORE_PASSWORD).orElse(null), KeyStores.Purpose.TRUST);
        } else if (read.isSecretSet(TRUSTSTORE_PASSWORD)) {
            problems.add(TRUSTSTORE_PASSWORD, "is set without " + TRUSTSTORE);
        }
    }

    private KeyStore loadStore(String name, String path, String passwordName, String password,
                               KeyStores.Purpose purpose) {
        char[] chars = password == null ? null : password.toCharArray();
        try {
            return KeyStores.load(name, path, passwordName, chars, purpose, problems).orElse(null);
        } finally {
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }

    private Secret passwordSecret(String name, String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return Secret.ofBytes(bytes);
        } catch (InvalidConfigurationException e) {
            problems.add(name, "is one character repeated, not a real password");
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Map<String, Secret> apiKeys() {
        return secretOrFallback(API_KEYS).map(text -> ApiKeys.parse(API_KEYS, text, problems)).orElse(Map.of());
    }

    private void shopWebhook() {
        Optional<URI> url = read.text(SHOP_WEBHOOK_URL)
                .flatMap(text -> Urls.absoluteHttp(SHOP_WEBHOOK_URL, text, problems));
        if (url.isPresent() && production() && !Urls.isHttps(url.get())) {
            problems.add(SHOP_WEBHOOK_URL, "must use https in production");
        }
        values.shopWebhookUrl = url.orElse(null);
        boolean secretSet = read.isSecretSet(SHOP_WEBHOOK_SECRET);
        if (read.isSet(SHOP_WEBHOOK_URL) && !secretSet) {
            problems.add(SHOP_WEBHOOK_SECRET, "is required with " + SHOP_WEBHOOK_URL
                    + " (whsec_ followed by base64 of 24 to 64 random bytes)");
        }
        if (secretSet && !read.isSet(SHOP_WEBHOOK_URL)) {
            warnings.add(SHOP_WEBHOOK_SECRET + " is set without " + SHOP_WEBHOOK_URL + "; no callbacks are sent");
        }
        read.secret(SHOP_WEBHOOK_SECRET).ifPresent(text -> {
            if (!text.equals(text.strip())) {
                problems.add(SHOP_WEBHOOK_SECRET, "has leading or trailing blanks");
                return;
            }
            try {
                values.shopWebhookSecret = WebhookSecret.fromSetting(text, SHOP_WEBHOOK_SECRET);
            } catch (InvalidConfigurationException e) {
                problems.add(SHOP_WEBHOOK_SECRET, e);
            }
        });
    }

    private URI alertWebhookUrl() {
        Optional<URI> url = read.text(ALERT_WEBHOOK_URL)
                .flatMap(text -> Urls.absoluteHttp(ALERT_WEBHOOK_URL, text, problems));
        if (url.isPresent() && production() && !Urls.isHttps(url.get())) {
            problems.add(ALERT_WEBHOOK_URL, "must use https (http is accepted in sandbox only)");
        }
        return url.orElse(null);
    }

    private Optional<String> textOrFallback(String name) {
        return read.isSet(name) ? read.text(name) : fallback(name);
    }

    /** {@code NAME} or {@code NAME_FILE}; a problem with either (both set, unreadable file) is never replaced. */
    private Optional<String> secretOrFallback(String name) {
        return read.isSecretSet(name) ? read.secret(name) : fallback(name);
    }

    /** Production requires the value; the sandbox generates a demo value once and keeps it. */
    private Optional<String> fallback(String name) {
        if (production()) {
            problems.add(name, "is required in production");
            return Optional.empty();
        }
        if (values.home == null) {
            return Optional.empty();
        }
        if (sandbox == null) {
            sandbox = SandboxCredentials.open(values.home, clock, random, problems, warnings);
        }
        return Optional.of(sandbox.value(name));
    }

    private void sandboxNotes() {
        if (!sandboxDefaults.isEmpty()) {
            warnings.add("sandbox: " + String.join(", ", sandboxDefaults) + " not set; loopback addresses only");
        }
        if (sandbox != null && sandbox.anyUsed()) {
            values.generatedCredentialsFile = sandbox.file();
            List<String> generated = sandbox.generatedNames();
            warnings.add("sandbox: demo values of " + String.join(", ", sandbox.usedNames()) + " are kept in "
                    + sandbox.file() + (generated.isEmpty() ? "" : " (generated now: " + String.join(", ", generated)
                    + ")"));
        }
    }
}
