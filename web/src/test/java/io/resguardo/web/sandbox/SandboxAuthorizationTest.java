package io.resguardo.web.sandbox;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import static io.resguardo.web.sandbox.SandboxHarness.SERVICE_ID;
import static io.resguardo.web.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxAuthorizationTest {
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

    @Test
    void rightCredentialsGetA201WithATokenValidForTwoHoursInLimaTime() throws Exception {
        HttpResponse<String> response = sandbox.authorize(SERVICE_ID, sandbox.accessKey, sandbox.secretKey,
                sandbox.clock.instant());

        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("100", body.getString("code"));
        assertEquals("Solicitud exitosa.", body.getString("message"));
        JsonObject data = body.getJsonObject("data");
        assertTrue(data.getString("token").length() >= 32);
        assertFalse(data.getString("codeService").isBlank());
        assertEquals("2026-11-26T10:15:30-05:00", data.getString("tokenStart"));
        assertEquals("2026-11-26T12:15:30-05:00", data.getString("tokenExpires"));
    }

    @Test
    void theTokenOpensTheCipApiUntilItExpires() throws Exception {
        String token = sandbox.token();
        String search = "{\"cips\":[\"12345678\"]}";

        assertEquals(200, sandbox.send("POST", "v1/cips/search", search, "Authorization", "Bearer " + token)
                .statusCode());
        sandbox.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertEquals(200, sandbox.send("POST", "v1/cips/search", search, "Authorization", "Bearer " + token)
                .statusCode());
        sandbox.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = sandbox.send("POST", "v1/cips/search", search,
                "Authorization", "Bearer " + token);
        assertEquals(401, expired.statusCode());
        assertEquals("106", json(expired).getString("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer unknown-token", "Basic dXNlcjpwYXNz"})
    void aMissingOrUnknownBearerTokenIs401Code106(String authorization) throws Exception {
        HttpResponse<String> response = authorization.isEmpty()
                ? sandbox.post("v1/cips", sandbox.cipRequest("T-1").build().toString())
                : sandbox.send("POST", "v1/cips", sandbox.cipRequest("T-1").build().toString(),
                "Authorization", authorization);

        assertEquals(401, response.statusCode());
        assertEquals("106", json(response).getString("code"));
    }

    @Test
    void aWrongSecretKeyIs401Code103() throws Exception {
        assertRefused(sandbox.authorize(SERVICE_ID, sandbox.accessKey, SandboxHarness.randomText(),
                sandbox.clock.instant()), 401, "103");
    }

    @Test
    void aWrongAccessKeyIs401Code103EvenWithAHashMadeWithIt() throws Exception {
        assertRefused(sandbox.authorize(SERVICE_ID, SandboxHarness.randomText(), sandbox.secretKey,
                sandbox.clock.instant()), 401, "103");
    }

    @Test
    void anotherServiceIdIs401Code103() throws Exception {
        assertRefused(sandbox.authorize(SERVICE_ID + 1, sandbox.accessKey, sandbox.secretKey,
                sandbox.clock.instant()), 401, "103");
    }

    @Test
    void anUppercaseHashStringIs401Code103() throws Exception {
        JsonObject body = parse(sandbox.authBody(SERVICE_ID, sandbox.accessKey, sandbox.secretKey,
                sandbox.clock.instant()));
        String upper = Json.createObjectBuilder(body)
                .add("hashString", body.getString("hashString").toUpperCase(Locale.ROOT)).build().toString();

        assertRefused(sandbox.post("v1/authorizations", upper), 401, "103");
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -3600})
    void aDateRequestMoreThanFiveMinutesFromTheClockIs401Code104(long offsetSeconds) throws Exception {
        assertRefused(sandbox.authorize(SERVICE_ID, sandbox.accessKey, sandbox.secretKey,
                sandbox.clock.instant().plusSeconds(offsetSeconds)), 401, "104");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300})
    void aDateRequestWithinFiveMinutesIsAccepted(long offsetSeconds) throws Exception {
        assertEquals(201, sandbox.authorize(SERVICE_ID, sandbox.accessKey, sandbox.secretKey,
                sandbox.clock.instant().plusSeconds(offsetSeconds)).statusCode());
    }

    @Test
    void aDateRequestWithAnotherOffsetMeansTheSameInstant() throws Exception {
        Instant now = sandbox.clock.instant();
        String utc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                .format(SandboxHarness.LIMA_FORMAT);
        String body = Json.createObjectBuilder().add("accessKey", sandbox.accessKey).add("idService", SERVICE_ID)
                .add("dateRequest", utc).add("hashString", SandboxHarness.hashString(SERVICE_ID, sandbox.accessKey,
                        sandbox.secretKey, utc)).build().toString();

        assertEquals(201, sandbox.post("v1/authorizations", body).statusCode());
    }

    @Test
    void missingMembersAre400Code112NamingEachField() throws Exception {
        HttpResponse<String> response = sandbox.post("v1/authorizations", "{\"accessKey\":\"\"}");

        assertRefused(response, 400, "112");
        assertEquals("[accessKey, idService, dateRequest, hashString]", fields(json(response)));
    }

    @Test
    void aDateRequestInAnotherFormatIs400Code113() throws Exception {
        String body = Json.createObjectBuilder().add("accessKey", sandbox.accessKey).add("idService", SERVICE_ID)
                .add("dateRequest", "2026-11-26 10:15:30").add("hashString", "00").build().toString();

        HttpResponse<String> response = sandbox.post("v1/authorizations", body);

        assertRefused(response, 400, "113");
        assertEquals("[dateRequest]", fields(json(response)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"accessKey\":\"a\",\"accessKey\":\"b\"}"})
    void aBodyThatIsNotOneJsonObjectIs400Code111(String body) throws Exception {
        assertRefused(sandbox.post("v1/authorizations", body), 400, "111");
    }

    @Test
    void refusalsNeverEchoTheCredentials() throws Exception {
        HttpResponse<String> response = sandbox.authorize(SERVICE_ID, sandbox.accessKey, SandboxHarness.randomText(),
                sandbox.clock.instant());

        assertFalse(response.body().contains(sandbox.accessKey));
        assertFalse(response.body().contains("hashString\":\""));
    }

    static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).getString("code"), response.body());
    }

    static String fields(JsonObject body) {
        return body.getJsonArray("data").stream().map(v -> v.asJsonObject().getString("field")).toList().toString();
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
