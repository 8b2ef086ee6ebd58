package io.resguardo.testfixtures.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedJettyTest {
    @TempDir
    Path dir;

    @Test
    void servesTheExplodedWebappsStaticFileOverHttpsAndHttp() throws Exception {
        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(Webapps.exploded(dir, "")).start()) {
            HttpResponse<String> https = get(jetty.httpClient(), jetty.httpsUri().resolve("index.html"));
            HttpResponse<String> http = get(jetty.httpClient(), jetty.httpUri().resolve("index.html"));

            assertEquals(200, https.statusCode());
            assertEquals(Webapps.INDEX, https.body());
            assertEquals(200, http.statusCode());
            assertEquals(Webapps.INDEX, http.body());
        }
    }

    @Test
    void baseUrisUseLocalhostForHttpsLoopbackForHttpAndEndWithTheContextPath() throws Exception {
        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(Webapps.exploded(dir, "")).contextPath("/shop").start()) {
            assertEquals("https", jetty.httpsUri().getScheme());
            assertEquals("localhost", jetty.httpsUri().getHost());
            assertEquals("/shop/", jetty.httpsUri().getPath());
            assertEquals("127.0.0.1", jetty.httpUri().getHost());
            assertEquals("/shop/", jetty.httpUri().getPath());
            assertEquals(200, get(jetty.httpClient(), jetty.httpsUri().resolve("index.html")).statusCode());
        }
    }

    @Test
    void deploysAWarFile() throws Exception {
        Path war = Webapps.war(dir.resolve("probe.war"), "");

        try (EmbeddedJetty jetty = EmbeddedJetty.war(war).start()) {
            HttpResponse<String> response = get(jetty.httpClient(), jetty.httpsUri().resolve("index.html"));

            assertEquals(200, response.statusCode());
            assertEquals(Webapps.INDEX, response.body());
        }
    }

    @Test
    void aClientWithTheJvmDefaultTrustStoreFailsTheHandshake() throws Exception {
        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(Webapps.exploded(dir, "")).start()) {
            HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            IOException failure = assertThrows(IOException.class,
                    () -> get(defaultTrust, jetty.httpsUri().resolve("index.html")));

            assertTrue(causedBy(failure, SSLHandshakeException.class), () -> "not a handshake failure: " + failure);
        }
    }

    @Test
    void httpsOnlyHasNoHttpConnector() throws Exception {
        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(Webapps.exploded(dir, "")).httpsOnly().start()) {
            assertThrows(IllegalStateException.class, jetty::httpUri);
            assertEquals(200, get(jetty.httpClient(), jetty.httpsUri().resolve("index.html")).statusCode());
        }
    }

    @Test
    void initParametersReachTheServletContext() throws Exception {
        Path webapp = Webapps.exploded(dir, Webapps.probeServlet("/probe"));

        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).initParameter("resguardo.env", "production")
                .start()) {
            String body = get(jetty.httpClient(), jetty.httpsUri().resolve("probe")).body();

            assertTrue(body.contains(";env=production;"), body);
            assertTrue(body.contains(";scheme=https;secure=true;"), body);
        }
    }

    @Test
    void forwardedHeadersReachTheWebappUntouchedAndTheRemoteAddressIsTheTcpPeer() throws Exception {
        Path webapp = Webapps.exploded(dir, Webapps.probeServlet("/probe"));

        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).start()) {
            HttpRequest request = HttpRequest.newBuilder(jetty.httpUri().resolve("probe"))
                    .header("X-Forwarded-For", "203.0.113.9")
                    .header("X-Forwarded-Proto", "https")
                    .header("Forwarded", "for=203.0.113.9;proto=https")
                    .build();
            String body = jetty.httpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();

            assertTrue(body.startsWith("remote=127.0.0.1;scheme=http;secure=false;"), body);
            assertTrue(body.contains(";forwardedFor=203.0.113.9;"), body);
        }
    }

    @Test
    void aListenerClassThatDoesNotExistStopsTheDeployment() throws Exception {
        Path webapp = Webapps.exploded(dir, Webapps.listener("io.resguardo.testfixtures.jetty.NoSuchListener"));

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> EmbeddedJetty.exploded(webapp).start());
        Throwable failure = EmbeddedJetty.exploded(webapp).startExpectingFailure();

        assertNotNull(thrown.getCause());
        assertNotNull(failure);
        assertTrue(mentions(failure, "NoSuchListener"), () -> "failure does not name the class: " + failure);
    }

    @Test
    void aListenerThatThrowsStopsTheDeploymentWithItsException() throws Exception {
        Path webapp = Webapps.exploded(dir, Webapps.listener(FailingListener.class.getName()));

        Throwable failure = EmbeddedJetty.exploded(webapp).startExpectingFailure();

        assertTrue(mentions(failure, "RESGUARDO_API_ALLOWLIST is required"), () -> "unexpected failure: " + failure);
    }

    @Test
    void startExpectingFailureComplainsWhenTheWebappStarts() throws Exception {
        Path webapp = Webapps.exploded(dir, "");

        assertThrows(AssertionError.class, () -> EmbeddedJetty.exploded(webapp).startExpectingFailure());
    }

    @Test
    void containerUsersAuthenticateWithBasicAndCarryTheirRoles() throws Exception {
        String security = Webapps.probeServlet("/admin/probe") + """
                <security-constraint>
                  <web-resource-collection><web-resource-name>admin</web-resource-name>
                    <url-pattern>/admin/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>resguardo-admin</role-name></auth-constraint>
                </security-constraint>
                <login-config><auth-method>BASIC</auth-method><realm-name>resguardo</realm-name></login-config>
                <security-role><role-name>resguardo-admin</role-name></security-role>
                """;
        Path webapp = Webapps.exploded(dir, security);

        try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).user("ops", "correct horse", "resguardo-admin")
                .start()) {
            URI probe = jetty.httpsUri().resolve("admin/probe");
            HttpResponse<String> anonymous = get(jetty.httpClient(), probe);
            String basic = Base64.getEncoder().encodeToString("ops:correct horse".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> operator = jetty.httpClient().send(
                    HttpRequest.newBuilder(probe).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, anonymous.statusCode());
            assertEquals(200, operator.statusCode());
            assertTrue(operator.body().endsWith(";admin=true"), operator.body());
        }
    }

    @Test
    void theRequestLogGoesToJavaUtilLoggingUnlessSwitchedOff() throws Exception {
        Path webapp = Webapps.exploded(dir, "");
        try (LogCapture logs = new LogCapture()) {
            try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).start()) {
                get(jetty.httpClient(), jetty.httpsUri().resolve("index.html?logged=yes"));
            }
            try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).requestLog(false).start()) {
                get(jetty.httpClient(), jetty.httpsUri().resolve("index.html?logged=no"));
            }

            assertTrue(logs.contains("GET /index.html?logged=yes"), () -> String.join("\n", logs.lines()));
            assertFalse(logs.contains("logged=no"));
        }
    }

    @Test
    void closeDeletesTheKeyStoreAndExtractedFiles() throws Exception {
        EmbeddedJetty jetty = EmbeddedJetty.war(Webapps.war(dir.resolve("probe.war"), "")).start();
        Path keystore = jetty.certificate().keystore();

        jetty.close();

        assertFalse(Files.exists(keystore));
    }

    @Test
    void aGivenCertificateIsServedAndOutlivesTheServer() throws Exception {
        SelfSignedCertificate shared = SelfSignedCertificate.generate(dir.resolve("tls"));
        Path webapp = Webapps.exploded(dir.resolve("webapp"), "");

        for (int i = 0; i < 2; i++) {
            try (EmbeddedJetty jetty = EmbeddedJetty.exploded(webapp).certificate(shared).start()) {
                assertEquals(shared, jetty.certificate());
                assertEquals(200, get(jetty.httpClient(), jetty.httpsUri().resolve("index.html")).statusCode());
            }
        }
        assertTrue(Files.exists(shared.keystore()));
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
