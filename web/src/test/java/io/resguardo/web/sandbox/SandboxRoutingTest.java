package io.resguardo.web.sandbox;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.resguardo.web.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxRoutingTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    SandboxHarness sandbox;

    @BeforeAll
    static void certificate() {
        certificate = SelfSignedCertificate.generate(dir);
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxHarness.start(certificate, SandboxHarness.fastOptions());
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "v2/authorizations", "cips/", "cips/abc", "cips/123/refund", "faults/x",
            "v1/cips/search/more"})
    void anythingElseIs404AsProblemJson(String path) throws Exception {
        HttpResponse<String> response = sandbox.send("GET", path, null);

        assertEquals(404, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("NOT_FOUND", json(response).getString("code"));
    }

    @ParameterizedTest
    @CsvSource({"GET, v1/authorizations, POST", "PUT, v1/cips, POST", "GET, v1/cips/search, POST",
            "POST, v1/cips/12345678, 'PATCH, DELETE'", "POST, cips/12345678, GET", "GET, cips/12345678/pay, POST",
            "PATCH, faults, 'GET, PUT, POST, DELETE'"})
    void aMethodAPathDoesNotServeIs405WithAllow(String method, String path, String allow) throws Exception {
        HttpResponse<String> response = sandbox.send(method, path, method.equals("GET") ? null : "{}");

        assertEquals(405, response.statusCode());
        assertEquals(allow, response.headers().firstValue("Allow").orElseThrow());
        assertEquals("METHOD_NOT_ALLOWED", json(response).getString("code"));
    }

    @Test
    void theCipUrlShowsTheStateAsJson() throws Exception {
        String cip = sandbox.createCip("PAGE");
        sandbox.post("cips/" + cip + "/pay", "");

        JsonObject page = sandbox.settled(cip, 0);

        assertEquals(cip, page.getJsonNumber("cip").toString());
        assertEquals("paid", page.getString("status"));
        assertEquals("PAGE", page.getString("transactionCode"));
        assertEquals("cip.paid", page.getJsonArray("notifications").getJsonObject(0).getString("eventType"));
    }

    @Test
    void theCipUrlShowsAnEscapedHtmlPageToABrowser() throws Exception {
        HttpResponse<String> created = sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("<b>&x").build().toString());
        String cipUrl = json(created).getJsonObject("data").getString("cipUrl");

        HttpResponse<String> page = sandbox.send("GET", cipUrl, null, "Accept", "text/html,*/*;q=0.8");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("&lt;b&gt;&amp;x"), page.body());
        assertFalse(page.body().contains("<b>&x"));
        assertTrue(page.body().contains("pending"));
    }

    @Test
    void anUnknownCipPageIs404() throws Exception {
        assertEquals(404, sandbox.send("GET", "cips/11111111", null).statusCode());
    }
}
