package io.resguardo.web;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.net.ssl.SSLParameters;

/**
 * A real Apache Tomcat (the distribution failsafe unpacks under {@code target/tomcat}, named by the system property
 * {@code resguardo.tomcat}) run as a child process by {@code bin/catalina.sh run}, with a private
 * {@code CATALINA_BASE} under {@code target}: an HTTPS connector with a fresh self-signed certificate, a plain HTTP
 * connector, a shutdown port with a random command, the users given to the builder in {@code tomcat-users.xml}
 * behind Tomcat's default realm ({@code LockOutRealm} over {@code UserDatabaseRealm}), and the packaged WAR deployed
 * as {@code webapps/resguardo.war} (context path {@code /resguardo}). Resguardo is configured through the process
 * environment only, as an operator would.
 */
final class TomcatServer implements AutoCloseable {
    static final String CONTEXT = "resguardo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;

    private final Path base;
    private final Path console;
    private final SelfSignedCertificate certificate;
    private final int httpPort;
    private final int httpsPort;
    private final int shutdownPort;
    private final String shutdownCommand = "SHUTDOWN-" + TestClients.randomText();
    private final HttpClient client;
    private Process process;

    private TomcatServer(Path base) throws IOException {
        this.base = base;
        this.console = base.resolve("logs").resolve("console.log");
        this.certificate = SelfSignedCertificate.generate(base.resolve("tls"));
        this.httpPort = freePort();
        this.httpsPort = freePort();
        this.shutdownPort = freePort();
        this.client = newClient(certificate);
    }

    static Path home() {
        String home = System.getProperty("resguardo.tomcat");
        if (home == null) {
            throw new IllegalStateException("run through failsafe: resguardo.tomcat names the unpacked Tomcat");
        }
        Path path = Path.of(home);
        if (!Files.isRegularFile(path.resolve("bin").resolve("catalina.sh"))) {
            throw new IllegalStateException("no Tomcat at " + path + ": the pre-integration-test phase unpacks it");
        }
        return path;
    }

    /**
     * Lays out {@code base} as a new {@code CATALINA_BASE}, deploys the WAR with {@code contextXml} as its context
     * descriptor ({@code conf/Catalina/localhost/resguardo.xml}), puts the H2 driver in {@code lib/} (as an operator
     * does for a container DataSource) and starts Tomcat with
     * {@code environment} added to a process environment cleared of every {@code RESGUARDO_}, {@code PAGOEFECTIVO_},
     * {@code CATALINA_} and {@code JAVA_OPTS} variable; returns once {@code /health} answers 200.
     *
     * @throws IllegalStateException with the tail of Tomcat's output when it does not come up within 90 s
     */
    static TomcatServer start(Path base, List<User> users, Map<String, String> environment, String contextXml)
            throws IOException {
        TomcatServer tomcat = new TomcatServer(Files.createDirectories(base));
        tomcat.layOut(users, contextXml);
        tomcat.launch(environment);
        tomcat.awaitHealth();
        return tomcat;
    }

    /** A user of {@code tomcat-users.xml}, with its roles. */
    record User(String name, String password, List<String> roles) {
        User {
            roles = List.copyOf(roles);
        }
    }

    private void layOut(List<User> users, String contextXml) throws IOException {
        Path home = home();
        Path conf = Files.createDirectories(base.resolve("conf"));
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String dir : List.of("logs", "temp", "work", "webapps")) {
            Files.createDirectories(base.resolve(dir));
        }
        Files.writeString(conf.resolve("server.xml"), serverXml(), StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("tomcat-users.xml"), usersXml(users), StandardCharsets.UTF_8);
        Path descriptors = Files.createDirectories(conf.resolve("Catalina").resolve("localhost"));
        Files.writeString(descriptors.resolve(CONTEXT + ".xml"), contextXml, StandardCharsets.UTF_8);
        Files.copy(Deployment.war(), base.resolve("webapps").resolve(CONTEXT + ".war"));
        copyH2Driver(Files.createDirectories(base.resolve("lib")));
    }

    /** The WAR's own H2 jar, so that the container's DataSource factory loads the driver from Tomcat's lib. */
    private static void copyH2Driver(Path lib) throws IOException {
        try (ZipFile war = new ZipFile(Deployment.war().toFile())) {
            ZipEntry h2 = war.stream().filter(e -> e.getName().matches("WEB-INF/lib/h2-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in the WAR"));
            try (InputStream in = war.getInputStream(h2)) {
                Files.copy(in, lib.resolve(Path.of(h2.getName()).getFileName()));
            }
        }
    }

    private String serverXml() {
        // Tomcat's own defaults, cut to what a Resguardo deployment needs: no AJP, no auto-deploy, no error report
        // valve pages (a request the connector cannot parse never reaches the WAR, see the README).
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="%d" address="127.0.0.1" shutdown="%s">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <GlobalNamingResources>
                    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
                              factory="org.apache.catalina.users.MemoryUserDatabaseFactory"
                              pathname="conf/tomcat-users.xml"/>
                  </GlobalNamingResources>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Connector address="127.0.0.1" port="%d" protocol="org.apache.coyote.http11.Http11NioProtocol"
                               SSLEnabled="true" scheme="https" secure="true" maxThreads="50">
                      <SSLHostConfig protocols="TLSv1.2+TLSv1.3">
                        <Certificate certificateKeystoreFile="%s" certificateKeystoreType="PKCS12"
                                     certificateKeystorePassword="%s" certificateKeyAlias="%s" type="EC"/>
                      </SSLHostConfig>
                    </Connector>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Realm className="org.apache.catalina.realm.LockOutRealm">
                        <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase"/>
                      </Realm>
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
                        <Valve className="org.apache.catalina.valves.ErrorReportValve" showReport="false"
                               showServerInfo="false"/>
                      </Host>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(shutdownPort, shutdownCommand, httpPort, httpsPort, certificate.keystore(),
                new String(certificate.password()), SelfSignedCertificate.ALIAS);
    }

    private static String usersXml(List<User> users) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n"
                + "  <role rolename=\"resguardo-admin\"/>\n");
        for (User user : users) {
            // Test passwords are URL-safe base64: nothing to escape in an attribute.
            xml.append("  <user username=\"").append(user.name()).append("\" password=\"").append(user.password())
                    .append("\" roles=\"").append(String.join(",", user.roles())).append("\"/>\n");
        }
        return xml.append("</tomcat-users>\n").toString();
    }

    private void launch(Map<String, String> environment) throws IOException {
        Path home = home();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin").resolve("catalina.sh").toString(),
                "run").directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("RESGUARDO_") || name.startsWith("PAGOEFECTIVO_")
                || name.startsWith("CATALINA_") || name.equals("JAVA_OPTS") || name.equals("JRE_HOME"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", base.toString());
        env.put("CATALINA_OPTS", "-Xms64m -Xmx384m -Djava.awt.headless=true");
        env.putAll(environment);
        process = builder.start();
    }

    private void awaitHealth() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(httpsUri().resolve("health")).timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat exited with code " + process.exitValue()
                        + " before /health answered; its output ends with:\n" + logTail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet, or the WAR not deployed yet: ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Tomcat", e);
            }
            pause();
        }
        String tail = logTail();
        destroy();
        throw new IllegalStateException("Tomcat did not answer /health with 200 within " + START_TIMEOUT.toSeconds()
                + " s; its output ends with:\n" + tail);
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Tomcat", e);
        }
    }

    /** {@code https://127.0.0.1:<port>/resguardo/}. */
    URI httpsUri() {
        return URI.create("https://127.0.0.1:" + httpsPort + "/" + CONTEXT + "/");
    }

    /** {@code http://127.0.0.1:<port>/resguardo/}. */
    URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + CONTEXT + "/");
    }

    /** A client trusting only this server's certificate, host names verified, redirects not followed. */
    HttpClient client() {
        return client;
    }

    SelfSignedCertificate certificate() {
        return certificate;
    }

    /** Everything Tomcat has written to its console (standard output and error) so far. */
    String log() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    /**
     * Stops Tomcat the way an operator's {@code shutdown.sh} does (the shutdown command on the shutdown port), so
     * the WAR is undeployed and Tomcat's leak detection runs; returns whether it exited in time.
     */
    boolean stopGracefully() throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), shutdownPort);
             OutputStream out = socket.getOutputStream()) {
            out.write(shutdownCommand.getBytes(StandardCharsets.US_ASCII));
        }
        return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Ends the process tree: {@code catalina.sh run} execs the JVM, but anything it started goes too. */
    void destroy() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpClient newClient(SelfSignedCertificate certificate) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(certificate.clientContext())
                .sslParameters(parameters).build();
    }
}
