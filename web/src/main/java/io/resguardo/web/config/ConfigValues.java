package io.resguardo.web.config;

import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.throttle.Rate;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.sql.DatabaseSettings;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What {@link ConfigLoader} gathers for {@link ResguardoConfig}; lives only while one load runs. */
final class ConfigValues {
    Environment environment;
    Path home;
    DatabaseSettings database;
    long serviceId;
    Secret accessKey;
    KeyRing keyRing;
    URI baseUrl;
    boolean baseUrlSet;
    KeyStore clientKeyStore;
    Secret clientKeyStorePassword;
    KeyStore trustStore;
    Map<String, Secret> apiKeys;
    URI shopWebhookUrl;
    WebhookSecret shopWebhookSecret;
    Allowlist webhookAllowlist;
    Allowlist apiAllowlist;
    Allowlist adminAllowlist;
    Allowlist trustedProxies;
    boolean requireHttps;
    String hsts;
    Rate apiRate;
    Rate webhookRate;
    int banAfterFailures;
    Duration banWindow;
    Duration banDuration;
    int maxBodyBytes;
    Duration maxClockSkew;
    URI alertWebhookUrl;
    Duration reconcileInterval;
    List<String> warnings;
    Path generatedCredentialsFile;
}
