package io.resguardo.web.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.secret.Secret;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Seen;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class AuthorizationTest {
    private Harness harness;

    @BeforeEach
    void setUp(Pki pki) {
        harness = new Harness(pki);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void authorizationCarriesTheHashStringThatPagoEfectivoRecomputes() throws Exception {
        harness.client().search(List.of("2526391"));

        Seen auth = harness.fake.seen(Route.AUTH).get(0);
        JsonObject body = auth.json();
        assertEquals(Set.of("accessKey", "idService", "dateRequest", "hashString"), body.keySet());
        assertEquals(JsonValue.ValueType.NUMBER, body.get("idService").getValueType());
        assertEquals(Harness.SERVICE_ID, body.getJsonNumber("idService").longValueExact());
        assertEquals("2026-11-26T10:15:30-05:00", body.getString("dateRequest"));
        String expected = FakePagoEfectivo.sha256Hex(Harness.SERVICE_ID + "." + harness.accessKey + "."
                + harness.secretKey + ".2026-11-26T10:15:30-05:00");
        assertEquals(expected, body.getString("hashString"));
        assertEquals("web", auth.headers().getFirst("Origin"));
        assertEquals("es-PE", auth.headers().getFirst("Accept-Language"));
        assertEquals(1, harness.fake.count(Route.SEARCH));
    }

    @Test
    void oneTokenServesManyCalls() throws Exception {
        PagoEfectivoClient client = harness.client();
        client.search(List.of("2526391"));
        client.delete("2526391");
        harness.clock.advance(Duration.ofMinutes(90));
        client.updateExpiry("2526392", harness.clock.instant().atOffset(ZoneOffset.ofHours(-5)).plusDays(2));

        assertEquals(1, harness.fake.count(Route.AUTH));
        String token = harness.fake.issuedTokens().get(0);
        for (Seen seen : harness.fake.seen()) {
            if (seen.route() != Route.AUTH) {
                assertEquals("Bearer " + token, seen.headers().getFirst("Authorization"));
            }
        }
    }

    @Test
    void tokenIsRenewedFiveMinutesBeforeItExpires() throws Exception {
        PagoEfectivoClient client = harness.client();
        client.search(List.of("2526391"));
        harness.clock.advance(Duration.ofMinutes(114).plusSeconds(59));
        client.search(List.of("2526391"));
        assertEquals(1, harness.fake.count(Route.AUTH));

        harness.clock.advance(Duration.ofSeconds(1));
        client.search(List.of("2526391"));
        assertEquals(2, harness.fake.count(Route.AUTH));
    }

    @Test
    void withoutTokenExpiresATokenIsAssumedToLiveOneHour() throws Exception {
        harness.fake.sendTokenExpires(false);
        PagoEfectivoClient client = harness.client();
        client.search(List.of("2526391"));
        harness.clock.advance(Duration.ofMinutes(54));
        client.search(List.of("2526391"));
        assertEquals(1, harness.fake.count(Route.AUTH));

        harness.clock.advance(Duration.ofMinutes(1));
        client.search(List.of("2526391"));
        assertEquals(2, harness.fake.count(Route.AUTH));
    }

    @Test
    void twentyThreadsFindingTheTokenExpiredRenewItOnce() throws Exception {
        PagoEfectivoClient client = harness.client();
        client.search(List.of("2526391"));
        harness.clock.advance(Duration.ofHours(2));

        int succeeded = Concurrently.sum(20, thread -> client.search(List.of("25263" + (10 + thread))).size());

        assertEquals(20, succeeded);
        assertEquals(2, harness.fake.count(Route.AUTH));
        String renewed = harness.fake.issuedTokens().get(1);
        Set<String> used = harness.fake.seen(Route.SEARCH).stream().skip(1)
                .map(seen -> seen.headers().getFirst("Authorization")).collect(Collectors.toSet());
        assertEquals(Set.of("Bearer " + renewed), used);
    }

    @Test
    void a401DropsTheTokenAndRepeatsTheCallOnceWithANewOne() throws Exception {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(401, "{\"code\":\"401\",\"message\":\"x\"}"));

        List<CipState> states = harness.client().search(List.of("2526391"));

        assertEquals(1, states.size());
        assertEquals(2, harness.fake.count(Route.AUTH));
        assertEquals(2, harness.fake.count(Route.SEARCH));
        assertEquals(List.of(), harness.sleeper.delays());
    }

    @Test
    void a401WithAFreshTokenIsACredentialsProblem() {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(401, "{\"code\":\"401\"}"),
                FakePagoEfectivo.json(401, "{\"code\":\"401\"}"));

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> harness.client().search(List.of("2526391")));

        assertEquals(PagoEfectivoException.Kind.CREDENTIALS, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals(2, harness.fake.count(Route.SEARCH));
    }

    @Test
    void refusedCredentialsAreAConfigurationProblemAndNotRetried() {
        PagoEfectivoClient client = harness.builder(Secret.ofText(harness.accessKey, "access"),
                Secret.ofText(Harness.random(24), "secret")).build();

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> client.createCip(harness.request("ORD-CRED-1")));

        assertEquals(PagoEfectivoException.Kind.CREDENTIALS, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("PAGOEFECTIVO_SECRET_KEY"), e.getMessage());
        assertEquals(1, harness.fake.count(Route.AUTH));
        assertEquals(0, harness.fake.count(Route.CREATE));
        assertEquals(List.of(), harness.sleeper.delays());
    }

    @Test
    void authorizationIsRetriedOnServerErrors() throws Exception {
        harness.fake.script(Route.AUTH, FakePagoEfectivo.serviceUnavailable(), FakePagoEfectivo.error166());

        harness.client().search(List.of("2526391"));

        assertEquals(3, harness.fake.count(Route.AUTH));
        assertEquals(2, harness.sleeper.delays().size());
    }
}
