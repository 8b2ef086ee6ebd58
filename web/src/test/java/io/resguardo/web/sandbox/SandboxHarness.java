package io.resguardo.web.sandbox;

import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.SSLParameters;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link SandboxServlet} at {@code /sandbox/*} in one embedded Jetty (HTTPS, self-signed certificate) and a
 * {@link Receiver} at {@code /webhooks/pagoefectivo} in another, with a fresh sandbox per test. Requests are made
 * over HTTPS by a client that trusts exactly that certificate. Credentials and the {@code hashString} are computed
 * here with the JDK only, independently of core.
 */
final class SandboxHarness implements AutoCloseable {
    static final long SERVICE_ID = 1028;
    static final Instant START = Instant.parse("2026-11-26T15:15:30Z");
    static final DateTimeFormatter LIMA_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final String LOOPBACK = "127.0.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String accessKey = randomText();
    final String secretKey = randomText();
    final MutableClock clock = MutableClock.at(START);
    final Receiver receiver = new Receiver(secretKey);
    final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Server receiverServer;
    private final Server sandboxServer;
    private final URI sandbox;
    private final URI webhook;

    private SandboxHarness(SelfSignedCertificate certificate, SandboxOptions options, URI webhookOverride,
                           boolean trustTheCertificate, String receiverHost) throws Exception {
        http = client(certificate);
        ServletContextHandler receiverContext = new ServletContextHandler();
        receiverContext.addServlet(new ServletHolder(receiver), "/webhooks/pagoefectivo");
        ServerConnector receiverConnector = connector(certificate, receiverServer = server(), receiverHost);
        receiverServer.setHandler(receiverContext);
        receiverServer.start();
        String host = receiverHost.equals(LOOPBACK) ? "localhost" : receiverHost;
        webhook = webhookOverride != null ? webhookOverride
                : URI.create("https://" + host + ":" + receiverConnector.getLocalPort() + "/webhooks/pagoefectivo");

        sandboxServer = server();
        ServerConnector sandboxConnector = connector(certificate, sandboxServer, LOOPBACK);
        sandboxConnector.open();
        sandbox = URI.create("https://localhost:" + sandboxConnector.getLocalPort() + "/sandbox/");
        KeyRing ring = KeyRing.ofCurrentAndPrevious(Secret.ofText(secretKey), null, null, null, clock);
        HttpServlet servlet = new SandboxServlet(SERVICE_ID, Secret.ofText(accessKey), ring, webhook,
                trustTheCertificate ? trustStore(certificate) : null, clock, scheduler,
                URI.create("https://localhost:" + sandboxConnector.getLocalPort() + "/sandbox"), options);
        ServletContextHandler sandboxContext = new ServletContextHandler();
        sandboxContext.addServlet(new ServletHolder(servlet), "/sandbox/*");
        sandboxServer.setHandler(sandboxContext);
        sandboxServer.start();
    }

    static SandboxHarness start(SelfSignedCertificate certificate, SandboxOptions options) throws Exception {
        return new SandboxHarness(certificate, options, null, true, LOOPBACK);
    }

    /** The receiver listens on {@code host} (an address) and the webhook URL names it by that address. */
    static SandboxHarness startWithReceiverOn(SelfSignedCertificate certificate, SandboxOptions options, String host)
            throws Exception {
        return new SandboxHarness(certificate, options, null, true, host);
    }

    /** Notifications go to {@code webhook} instead of the receiver. */
    static SandboxHarness startWithWebhook(SelfSignedCertificate certificate, SandboxOptions options, URI webhook)
            throws Exception {
        return new SandboxHarness(certificate, options, webhook, true, LOOPBACK);
    }

    /** The sandbox is given no trust store: it must then rely on the JVM's, which does not trust the receiver. */
    static SandboxHarness startWithoutTrustStore(SelfSignedCertificate certificate, SandboxOptions options)
            throws Exception {
        return new SandboxHarness(certificate, options, null, false, LOOPBACK);
    }

    /** Options with tiny retry delays, so that tests never wait for real backoff. */
    static SandboxOptions fastOptions() {
        return SandboxOptions.defaults().withFirstRetryDelay(Duration.ofMillis(10))
                .withDeliveryTimeout(Duration.ofSeconds(5));
    }

    URI sandbox() {
        return sandbox;
    }

    URI webhook() {
        return webhook;
    }

    // ---- HTTP

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    /** A call of the CIP API with a fresh token. */
    HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(method, path, body, "Authorization", "Bearer " + token(), "Origin", "web",
                "Accept-Language", "es-PE");
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    // ---- PagoEfectivo credentials

    String dateRequest(Instant at) {
        return LIMA_FORMAT.format(ZonedDateTime.ofInstant(at, LIMA));
    }

    static String hashString(long serviceId, String accessKey, String secretKey, String dateRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((serviceId + "." + accessKey + "."
                    + secretKey + "." + dateRequest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String authBody(long serviceId, String accessKey, String secretKey, Instant at) {
        String date = dateRequest(at);
        return Json.createObjectBuilder().add("accessKey", accessKey).add("idService", serviceId)
                .add("dateRequest", date).add("hashString", hashString(serviceId, accessKey, secretKey, date))
                .build().toString();
    }

    HttpResponse<String> authorize(long serviceId, String accessKey, String secretKey, Instant at) throws Exception {
        return post("v1/authorizations", authBody(serviceId, accessKey, secretKey, at));
    }

    String token() throws Exception {
        HttpResponse<String> response = authorize(SERVICE_ID, accessKey, secretKey, clock.instant());
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getJsonObject("data").getString("token");
    }

    // ---- CIPs

    /** A complete, valid creation request. */
    JsonObjectBuilder cipRequest(String transactionCode) {
        return Json.createObjectBuilder()
                .add("currency", "PEN")
                .add("amount", new java.math.BigDecimal("150.00"))
                .add("transactionCode", transactionCode)
                .add("dateExpiry", dateRequest(clock.instant().plus(Duration.ofDays(1))))
                .add("paymentConcept", "Pedido de prueba")
                .add("additionalData", "datos adicionales")
                .add("adminEmail", "admin@example.com")
                .add("userEmail", "comprador@example.com")
                .add("userName", "Ana")
                .add("userLastName", "Quispe")
                .add("userUbigeo", 150101)
                .add("userCountry", "PERU")
                .add("userDocumentType", "DNI")
                .add("userDocumentNumber", "40226700")
                .add("userPhone", "987654321")
                .add("userCodeCountry", "+51");
    }

    /** Creates a CIP and returns its number. */
    String createCip(String transactionCode) throws Exception {
        HttpResponse<String> response = api("POST", "v1/cips", cipRequest(transactionCode).build().toString());
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getJsonObject("data").getJsonNumber("cip").toString();
    }

    /** The CIP's page as JSON. */
    JsonObject page(String cip) throws Exception {
        HttpResponse<String> response = send("GET", "cips/" + cip, null, "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** The CIP's page once delivery {@code index} has left SCHEDULED (polled, up to 5 seconds). */
    JsonObject settled(String cip, int index) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            JsonObject page = page(cip);
            if (page.getJsonArray("notifications").size() > index && !page.getJsonArray("notifications")
                    .getJsonObject(index).getString("outcome").equals("SCHEDULED")) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery " + index + " of CIP " + cip + " did not settle: " + page);
            }
            Thread.sleep(10);
        }
    }

    // ---- set-up

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        sandboxServer.stop();
        receiverServer.stop();
    }

    private static Server server() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setDaemon(true);
        return new Server(threads);
    }

    private static ServerConnector connector(SelfSignedCertificate certificate, Server server, String host) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(certificate.keystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(new String(certificate.password()));
        tls.setCertAlias(SelfSignedCertificate.ALIAS);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration configuration = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        configuration.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(configuration));
        connector.setHost(host);
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
    }

    private static HttpClient client(SelfSignedCertificate certificate) {
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(certificate.clientContext()).sslParameters(tls).build();
    }

    static KeyStore trustStore(SelfSignedCertificate certificate) throws Exception {
        Path dir = Files.createTempDirectory("sandbox-trust");
        Path file = certificate.truststore(dir);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, certificate.password());
        }
        Files.delete(file);
        Files.delete(dir);
        return store;
    }

    static String randomText() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
