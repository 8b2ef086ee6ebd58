package io.resguardo.web;

import io.resguardo.testfixtures.jetty.EmbeddedJetty;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment of the packaged WAR in embedded Jetty, configured through context init-params (CONTRACT section 7,
 * third source), with fresh random credentials the tests know and then look for in the logs.
 */
final class Deployment implements AutoCloseable {
    static final String KEY_ID = "shop-1";

    final String secretKey;
    final String accessKey;
    final byte[] apiKey;
    final Path home;
    final Map<String, String> settings = new LinkedHashMap<>();
    private final List<User> users = new ArrayList<>();
    EmbeddedJetty jetty;
    private SelfSignedCertificate certificate;
    private int httpsPort;

    Deployment() throws Exception {
        this(TestClients.randomText(), TestClients.randomText(), TestClients.randomBytes(32));
    }

    private Deployment(String secretKey, String accessKey, byte[] apiKey) throws Exception {
        this.secretKey = secretKey;
        this.accessKey = accessKey;
        this.apiKey = apiKey;
        home = Files.createTempDirectory("resguardo-it-");
        settings.put("resguardo.env", "sandbox");
        settings.put("resguardo.home", home.toString());
        settings.put("pagoefectivo.service.id", "1234");
        settings.put("pagoefectivo.access.key", accessKey);
        settings.put("pagoefectivo.secret.key", secretKey);
        settings.put("resguardo.api.keys", KEY_ID + "=" + Base64.getEncoder().encodeToString(apiKey));
        settings.put("resguardo.webhook.allowlist", "127.0.0.1/32,::1/128,198.51.100.0/24");
        settings.put("resguardo.api.allowlist", "127.0.0.1/32,::1/128,198.51.100.0/24");
        settings.put("resguardo.trusted.proxies", "127.0.0.1/32,::1/128");
    }

    static Path war() {
        String war = System.getProperty("resguardo.war");
        if (war == null) {
            throw new IllegalStateException("run through failsafe: resguardo.war names the packaged WAR");
        }
        return Path.of(war);
    }

    /**
     * Another node of the same installation: the same credentials, settings and users, its own
     * {@code RESGUARDO_HOME} and ports. The nodes share data only through a {@code RESGUARDO_DB_URL} both name.
     */
    Deployment sibling() throws Exception {
        Deployment node = new Deployment(secretKey, accessKey, apiKey);
        settings.forEach((name, value) -> node.settings.putIfAbsent(name, value));
        node.users.addAll(users);
        return node;
    }

    /** A plain HTTPS call (no signature): the sandbox's own endpoints. */
    HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(jetty.httpsUri().resolve(path))
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Deployment set(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** Serves HTTPS with {@code certificate} on a fixed port: for settings that name the deployment's own URL. */
    Deployment serving(SelfSignedCertificate certificate, int httpsPort) {
        this.certificate = certificate;
        this.httpsPort = httpsPort;
        return this;
    }

    /** A user of the container's login service (BASIC), with its roles. */
    Deployment user(String name, String password, String... roles) {
        users.add(new User(name, password, roles.clone()));
        return this;
    }

    Deployment start() {
        EmbeddedJetty.Builder builder = EmbeddedJetty.war(war()).requestLog(false).ports(0, httpsPort);
        if (certificate != null) {
            builder.certificate(certificate);
        }
        settings.forEach(builder::initParameter);
        users.forEach(u -> builder.user(u.name(), u.password(), u.roles()));
        jetty = builder.start();
        return this;
    }

    Throwable startExpectingFailure() {
        EmbeddedJetty.Builder builder = EmbeddedJetty.war(war()).requestLog(false);
        settings.forEach(builder::initParameter);
        return builder.startExpectingFailure();
    }

    HttpClient client() {
        return jetty.httpClient();
    }

    TestClients.Shop shop() {
        return new TestClients.Shop(client(), jetty.httpsUri(), KEY_ID, apiKey, Clock.systemUTC());
    }

    TestClients.Notifier notifier() {
        return new TestClients.Notifier(client(), jetty.httpsUri(), secretKey);
    }

    /** Every secret of this deployment, in the forms that must never appear in a log. */
    String[] secrets() {
        return new String[] {secretKey, accessKey, Base64.getEncoder().encodeToString(apiKey)};
    }

    private record User(String name, String password, String[] roles) {
    }

    @Override
    public void close() {
        if (jetty != null) {
            jetty.close();
        }
    }
}
