package io.resguardo.web.ops;

import io.resguardo.testfixtures.jetty.LogCapture;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error page in a real container: an uncaught exception becomes a bare 500 problem, its message kept out. */
class ErrorServletTest {
    static final String LEAKY = "card 4111111111111111 for maria@example.pe";

    Server server;
    URI base;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException(LEAKY);
            }
        }), "/boom");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.sendError(415);
            }
        }), "/status");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                // What Tomcat's BasicAuthenticator does for HttpServletRequest.authenticate without credentials.
                response.setHeader("WWW-Authenticate", "Basic realm=\"Resguardo\"");
                response.sendError(401);
            }
        }), "/challenge");
        context.addServlet(ErrorServlet.class, "/_error");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/_error");
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aContainerChallengeStaysA401ProblemWithItsWwwAuthenticate() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("challenge")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("Basic realm=\"Resguardo\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(response.body().contains("\"code\":\"AUTHENTICATION_REQUIRED\""), response.body());
    }

    @Test
    void anUncaughtExceptionIsA500ProblemWithoutItsMessage() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("boom")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"code\":\"INTERNAL_ERROR\""), response.body());
            assertFalse(response.body().contains("4111"), "no exception message in the body");
            assertFalse(response.body().contains("IllegalStateException"), "no exception name in the body");
            assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
            assertTrue(logs.contains("uncaught java.lang.IllegalStateException"));
            logs.assertNoneContain("4111111111111111", "maria@example.pe");
        }
    }

    @Test
    void aStatusTheContainerSetsIsAnsweredWithItsCode() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("status")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""), response.body());
    }
}
