package io.resguardo.testfixtures.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The real web application (a WAR file or an exploded directory) deployed in an embedded Jetty 12 (Jakarta EE 10)
 * on loopback, over HTTPS and, unless {@link Builder#httpsOnly()}, plain HTTP, as a servlet container would run it.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Both connectors listen on {@code 127.0.0.1} on ephemeral ports. HTTPS offers only TLSv1.3 and TLSv1.2
 *       with a fresh {@link SelfSignedCertificate} for {@code localhost}.</li>
 *   <li>No {@code ForwardedRequestCustomizer}: {@code Forwarded} and {@code X-Forwarded-*} headers reach the
 *       application untouched, and the remote address is the TCP peer, because Resguardo resolves proxies
 *       itself.</li>
 *   <li>The webapp uses its own {@code WEB-INF/classes} and {@code WEB-INF/lib} before the test class path
 *       (parent-loader priority off) and cannot see Jetty's classes (Jetty's default hidden classes).</li>
 *   <li>A deployment failure, such as a context listener that throws, is never swallowed:
 *       {@link Builder#start()} throws with the cause, and {@link Builder#startExpectingFailure()} returns it.</li>
 *   <li>{@link #httpClient()} trusts exactly the generated certificate and verifies the host name.</li>
 *   <li>{@link #close()} stops the server and deletes its temporary directory (extracted WAR, generated key
 *       store).</li>
 * </ul>
 *
 * <p>Note: without {@code jetty-ee10-annotations} on the class path Jetty does not scan for {@code @WebServlet},
 * {@code @WebFilter}, {@code @WebListener} or {@code ServletContainerInitializer}s; components must be declared in
 * {@code web.xml}.
 */
public final class EmbeddedJetty implements AutoCloseable {
    /** Where the request log goes (through {@code java.util.logging}, level INFO) unless switched off. */
    public static final String REQUEST_LOG_LOGGER = "org.eclipse.jetty.server.RequestLog";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOOPBACK = "127.0.0.1";

    private final Server server;
    private final Path tempDir;
    private final SelfSignedCertificate certificate;
    private final URI httpUri;
    private final URI httpsUri;
    private final HttpClient httpClient;

    private EmbeddedJetty(Server server, Path tempDir, SelfSignedCertificate certificate, URI httpUri, URI httpsUri) {
        this.server = server;
        this.tempDir = tempDir;
        this.certificate = certificate;
        this.httpUri = httpUri;
        this.httpsUri = httpsUri;
        this.httpClient = newHttpClient(certificate);
    }

    /** Deploys the WAR file itself (Jetty extracts it into a temporary directory, as a container does). */
    public static Builder war(Path warFile) {
        if (!Files.isRegularFile(warFile)) {
            throw new IllegalArgumentException("no WAR file at " + warFile + " (run `mvn package` for the web module)");
        }
        return new Builder(warFile);
    }

    /** Deploys an exploded web application directory (one holding {@code WEB-INF/}). */
    public static Builder exploded(Path webappDir) {
        if (!Files.isDirectory(webappDir)) {
            throw new IllegalArgumentException("no web application directory at " + webappDir);
        }
        return new Builder(webappDir);
    }

    /**
     * The plain HTTP base URI, {@code http://127.0.0.1:PORT} followed by the context path and a slash.
     *
     * @throws IllegalStateException when started {@link Builder#httpsOnly()}
     */
    public URI httpUri() {
        if (httpUri == null) {
            throw new IllegalStateException("started httpsOnly(): there is no HTTP connector");
        }
        return httpUri;
    }

    /** The HTTPS base URI, {@code https://localhost:PORT} followed by the context path and a slash. */
    public URI httpsUri() {
        return httpsUri;
    }

    /** The server's self-signed certificate. */
    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /**
     * A JDK HTTP/1.1 client that trusts only this server's certificate, verifies the host name, offers TLSv1.3 and
     * TLSv1.2, does not follow redirects and gives up connecting after 5 seconds. The same client every call.
     */
    public HttpClient httpClient() {
        return httpClient;
    }

    /**
     * Stops the server and deletes its temporary directory, including the generated certificate (one given to
     * {@link Builder#certificate(SelfSignedCertificate)} stays).
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            deleteRecursively(tempDir);
        }
    }

    private static HttpClient newHttpClient(SelfSignedCertificate certificate) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        // The JDK client verifies host names by default; saying so makes the guarantee local and explicit.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(certificate.clientContext())
                .sslParameters(parameters)
                .build();
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Collects the deployment settings; {@link #start()} builds and starts the server. */
    public static final class Builder {
        private final Path webapp;
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private UserStore users;
        private SelfSignedCertificate certificate;
        private String contextPath = "/";
        private boolean http = true;
        private boolean requestLog = true;
        private int httpPort;
        private int httpsPort;

        private Builder(Path webapp) {
            this.webapp = webapp.toAbsolutePath();
        }

        /** The context path: {@code "/"} (the default) or {@code "/name"} without a trailing slash. */
        public Builder contextPath(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.equals("/") && (!path.startsWith("/") || path.endsWith("/"))) {
                throw new IllegalArgumentException("context path must be \"/\" or \"/name\": " + path);
            }
            this.contextPath = path;
            return this;
        }

        /**
         * A servlet context init-param, as a container's deployment descriptor would give it: how tests configure
         * Resguardo (for example {@code resguardo.env}). Later values for the same name win.
         */
        public Builder initParameter(String name, String value) {
            initParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Fixed ports instead of free ones chosen at start (0, the default): for a configuration that must name the
         * server's own URL before it starts (the sandbox reached through {@code PAGOEFECTIVO_BASE_URL}), and for
         * the local run.
         */
        public Builder ports(int http, int https) {
            if (http < 0 || http > 65535 || https < 0 || https > 65535) {
                throw new IllegalArgumentException("ports are 0..65535");
            }
            this.httpPort = http;
            this.httpsPort = https;
            return this;
        }

        /** Only the HTTPS connector; {@link EmbeddedJetty#httpUri()} then throws. */
        public Builder httpsOnly() {
            this.http = false;
            return this;
        }

        /**
         * Whether Jetty writes an NCSA request log line per request to the {@code java.util.logging} logger
         * {@value EmbeddedJetty#REQUEST_LOG_LOGGER} (on by default). Switch it off when a test inspects every log
         * line and request URIs would be noise.
         */
        public Builder requestLog(boolean enabled) {
            this.requestLog = enabled;
            return this;
        }

        /**
         * Serves HTTPS with this certificate instead of generating one (generation runs {@code keytool}, about a
         * second): for a test class that starts many servers. The caller owns it; {@link EmbeddedJetty#close()}
         * leaves its files alone.
         */
        public Builder certificate(SelfSignedCertificate existing) {
            this.certificate = Objects.requireNonNull(existing, "existing");
            return this;
        }

        /**
         * A user of the container's login service (the Jetty counterpart of a Tomcat realm), for
         * {@code login-config} BASIC and {@code isUserInRole}.
         */
        public Builder user(String name, String password, String... roles) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (users == null) {
                users = new UserStore();
            }
            users.addUser(name, Credential.getCredential(password), roles.clone());
            return this;
        }

        /**
         * Starts the server with the webapp deployed.
         *
         * @throws IllegalStateException when the webapp fails to deploy or start; its cause is the failure
         */
        public EmbeddedJetty start() {
            Launch launch = launch();
            if (launch.failure() != null) {
                throw new IllegalStateException("web application " + webapp.getFileName() + " failed to start: "
                        + launch.failure(), launch.failure());
            }
            return launch.started();
        }

        /**
         * Starts the server expecting the deployment to fail, and returns that failure after stopping everything;
         * for tests that prove a bad configuration stops the deployment.
         *
         * @throws AssertionError when the webapp started after all (the server is stopped first)
         */
        public Throwable startExpectingFailure() {
            Launch launch = launch();
            if (launch.failure() == null) {
                launch.started().close();
                throw new AssertionError("web application " + webapp.getFileName()
                        + " started although its deployment was expected to fail");
            }
            return launch.failure();
        }

        private Launch launch() {
            Path tempDir = createTempDir();
            SelfSignedCertificate tls;
            Server server;
            ServerConnector httpConnector;
            ServerConnector httpsConnector;
            WebAppContext context;
            // Set-up problems (keytool, file system) are the fixture's own and throw; only what happens while
            // starting counts as a deployment failure for startExpectingFailure().
            try {
                tls = certificate != null ? certificate : SelfSignedCertificate.generate(tempDir.resolve("tls"));
                server = newServer(tempDir);
                httpConnector = http ? httpConnector(server, httpPort) : null;
                httpsConnector = httpsConnector(server, tls, httpsPort);
                context = webAppContext(tempDir);
                server.setHandler(context);
                if (requestLog) {
                    Logger logger = Logger.getLogger(REQUEST_LOG_LOGGER);
                    server.setRequestLog(new CustomRequestLog(logger::info, CustomRequestLog.EXTENDED_NCSA_FORMAT));
                }
            } catch (IOException e) {
                deleteRecursively(tempDir);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                deleteRecursively(tempDir);
                throw e;
            }
            try {
                server.start();
                if (!context.isAvailable()) {
                    // Belt and braces: with throwUnavailableOnStartupException Jetty should already have thrown.
                    throw new IllegalStateException("web application is unavailable",
                            context.getUnavailableException());
                }
            } catch (Exception | LinkageError failure) {
                // LinkageError too: a webapp class that fails to load or initialise is a deployment failure.
                stopQuietly(server, failure);
                deleteRecursively(tempDir);
                return new Launch(null, failure);
            }
            URI httpUri = httpConnector == null ? null : base("http", LOOPBACK, httpConnector);
            URI httpsUri = base("https", "localhost", httpsConnector);
            return new Launch(new EmbeddedJetty(server, tempDir, tls, httpUri, httpsUri), null);
        }

        private Server newServer(Path tempDir) {
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("embedded-jetty");
            // A test that forgets close() must not keep the JVM alive.
            threads.setDaemon(true);
            Server server = new Server(threads);
            server.setTempDirectory(tempDir.toFile());
            return server;
        }

        private static HttpConfiguration httpConfiguration() {
            HttpConfiguration configuration = new HttpConfiguration();
            configuration.setSendServerVersion(false);
            configuration.setSendXPoweredBy(false);
            return configuration;
        }

        private static ServerConnector httpConnector(Server server, int port) {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            server.addConnector(connector);
            return connector;
        }

        private static ServerConnector httpsConnector(Server server, SelfSignedCertificate certificate, int port) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(certificate.keystore().toString());
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStorePassword(new String(certificate.password()));
            tls.setCertAlias(SelfSignedCertificate.ALIAS);
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");

            HttpConfiguration configuration = httpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Host-header checks (and HSTS: max age stays unset) are Resguardo's business, not the container's.
            secure.setSniHostCheck(false);
            configuration.addCustomizer(secure);

            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(configuration));
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            server.addConnector(connector);
            return connector;
        }

        private WebAppContext webAppContext(Path tempDir) throws IOException {
            WebAppContext context = new WebAppContext();
            context.setContextPath(contextPath);
            context.setWar(webapp.toString());
            context.setParentLoaderPriority(false);
            context.setThrowUnavailableOnStartupException(true);
            context.setLogUrlOnStart(false);
            context.setTempDirectory(Files.createDirectories(tempDir.resolve("webapp")).toFile());
            initParameters.forEach(context::setInitParameter);
            // Always a login service, as a Jetty server offers its webapps: a webapp declaring login-config (Resguardo
            // does, for its admin pages) does not start without one, even when it has no users.
            HashLoginService login = new HashLoginService("embedded-jetty");
            login.setUserStore(users != null ? users : new UserStore());
            context.getSecurityHandler().setLoginService(login);
            return context;
        }

        private URI base(String scheme, String host, ServerConnector connector) {
            String path = contextPath.equals("/") ? "/" : contextPath + "/";
            return URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + path);
        }

        private static Path createTempDir() {
            try {
                return Files.createTempDirectory("embedded-jetty-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void stopQuietly(Server server, Throwable failure) {
            try {
                server.stop();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private record Launch(EmbeddedJetty started, Throwable failure) {
    }
}
