package io.resguardo.web.pagoefectivo;

import io.resguardo.core.secret.Secret;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Seen;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class WireFormatTest {
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
    void creationSendsTheContractFieldsAndReadsTheCip() throws Exception {
        CreatedCip created = harness.client().createCip(harness.request("ORD-2026-0001"));

        Seen seen = harness.fake.seen(Route.CREATE).get(0);
        assertEquals("Bearer " + harness.fake.issuedTokens().get(0), seen.headers().getFirst("Authorization"));
        assertEquals("web", seen.headers().getFirst("Origin"));
        assertEquals("es-PE", seen.headers().getFirst("Accept-Language"));
        assertEquals("application/json", seen.headers().getFirst("Content-Type"));
        assertTrue(seen.body().contains("\"amount\":150.50"), "amount is a JSON number with two decimals");
        JsonObject body = seen.json();
        assertEquals(JsonValue.ValueType.NUMBER, body.get("amount").getValueType());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("currency", "PEN"),
                Map.entry("transactionCode", "ORD-2026-0001"),
                Map.entry("dateExpiry", "2026-11-27 10:15:30-05:00"),
                Map.entry("paymentConcept", "Zapatillas de trail"),
                Map.entry("adminEmail", Harness.ADMIN_EMAIL),
                Map.entry("userEmail", Harness.EMAIL),
                Map.entry("userName", "Ana"),
                Map.entry("userLastName", "Quispe"),
                Map.entry("userCountry", "PER"),
                Map.entry("userDocumentType", "DNI"),
                Map.entry("userDocumentNumber", Harness.DOCUMENT),
                Map.entry("userPhone", Harness.PHONE),
                Map.entry("userCodeCountry", "+51"));
        for (Map.Entry<String, String> field : expected.entrySet()) {
            assertEquals(field.getValue(), body.getString(field.getKey()), field.getKey());
        }
        assertEquals(expected.size() + 1, body.size(), "no other member: " + body.keySet());

        assertEquals("2526391", created.cip());
        assertEquals(URI.create("https://pre1a.payment.pagoefectivo.pe/cip/2526391.html"), created.cipUrl());
        assertEquals("ORD-2026-0001", created.transactionCode());
        assertEquals(Optional.of(OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.ofHours(-5))),
                created.expiresAt());
    }

    @Test
    void aCreationAnswerForAnotherTransactionHasAnUnknownOutcome() {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.json(201, "{\"code\":100,\"data\":{\"cip\":2526400,"
                + "\"cipUrl\":\"https://pre1a.payment.pagoefectivo.pe/x.html\",\"transactionCode\":\"ORD-OTHER\","
                + "\"amount\":150.50,\"currency\":\"PEN\"}}"));

        PagoEfectivoException e = assertThrows(CipOutcomeUnknownException.class,
                () -> harness.client().createCip(harness.request("ORD-MINE")));

        assertEquals(PagoEfectivoException.Kind.OUTCOME_UNKNOWN, e.kind());
    }

    @Test
    void aCreationAnswerWithoutCipHasAnUnknownOutcome() {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.json(201, "{\"code\":\"100\",\"data\":{}}"));

        assertThrows(CipOutcomeUnknownException.class, () -> harness.client().createCip(harness.request("ORD-X")));
        assertEquals(1, harness.fake.count(Route.CREATE));
    }

    @Test
    void searchSendsTheCipsAndReadsStatesLeniently() throws Exception {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(200, "{\"code\":100,\"message\":\"ok\",\"extra\":1,"
                + "\"data\":["
                + "{\"cip\":2526391,\"status\":\"Pagado\",\"operationNumber\":81234,\"amount\":\"150.50\","
                + "\"currency\":\"PEN\",\"transactionCode\":\"ORD-1\",\"paymentDate\":\"2026-11-26 10:20:00\","
                + "\"bank\":{\"name\":\"BCP\"}},"
                + "{\"cip\":\"2526392\",\"status\":593,\"statusName\":\"Expirado\"},"
                + "{\"cip\":\"2526393\",\"state\":\"deleted\"},"
                + "{\"cip\":\"2526394\",\"status\":\"cancelado\"},"
                + "{\"cip\":\"9999999\",\"status\":\"paid\"},"
                + "{\"status\":\"paid\"}, 17]}"));

        List<CipState> states = harness.client().search(List.of("2526391", "2526392", "2526393", "2526394",
                "2526391"));

        assertEquals("{\"cips\":[\"2526391\",\"2526392\",\"2526393\",\"2526394\"]}",
                harness.fake.seen(Route.SEARCH).get(0).body());
        assertEquals(4, states.size(), "entries for CIPs not asked about, or without a CIP, are dropped");
        CipState paid = states.get(0);
        assertEquals(new CipState("2526391", CipStatus.PAID, "Pagado", Optional.of("ORD-1"),
                Optional.of(new BigDecimal("150.50")), Optional.of("PEN"), Optional.of("81234"),
                Optional.of(OffsetDateTime.of(2026, 11, 26, 10, 20, 0, 0, ZoneOffset.ofHours(-5)))), paid);
        assertEquals(CipStatus.EXPIRED, states.get(1).status());
        assertEquals("593", states.get(1).rawStatus());
        assertEquals(CipStatus.DELETED, states.get(2).status());
        assertEquals(CipStatus.UNKNOWN, states.get(3).status());
        assertEquals("cancelado", states.get(3).rawStatus());
    }

    @Test
    void searchAlsoReadsCipsNestedInData() throws Exception {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(200,
                "{\"code\":\"100\",\"data\":{\"cips\":[{\"cip\":\"2526391\",\"status\":\"pending\"}]}}"));

        List<CipState> states = harness.client().search(List.of("2526391"));

        assertEquals(List.of(CipStatus.PENDING), states.stream().map(CipState::status).toList());
    }

    @Test
    void anUnreadableSearchAnswerIsUnavailable() {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(200, "<html>ok</html>"));

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> harness.client().search(List.of("2526391")));

        assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void deletionAndExpiryChangeUseTheCipInThePath() throws Exception {
        PagoEfectivoClient client = harness.client();

        client.delete("2526391");
        client.updateExpiry("2526392", OffsetDateTime.of(2026, 12, 1, 21, 0, 0, 0, ZoneOffset.UTC));

        Seen delete = harness.fake.seen(Route.DELETE).get(0);
        assertEquals("/v1/cips/2526391", delete.path());
        assertEquals("", delete.body());
        Seen patch = harness.fake.seen(Route.PATCH).get(0);
        assertEquals("/v1/cips/2526392", patch.path());
        assertEquals("{\"dateExpiry\":\"2026-12-01 16:00:00-05:00\"}", patch.body());
        assertEquals("web", patch.headers().getFirst("Origin"));
    }

    @Test
    void aCipThatCouldChangeThePathIsRefusedBeforeAnyRequest() {
        PagoEfectivoClient client = harness.client();

        for (String cip : List.of("../authorizations", "25 26", "2526391?x=1", "", "123456789012345678901234567890123")) {
            assertThrows(IllegalArgumentException.class, () -> client.delete(cip), cip);
            assertThrows(IllegalArgumentException.class, () -> client.search(List.of(cip)), cip);
        }
        assertThrows(IllegalArgumentException.class, () -> client.search(List.of()));
        assertEquals(List.of(), harness.fake.seen());
    }

    @Test
    void pathsAreAppendedToTheBaseUrlPath(Pki pki) throws Exception {
        PagoEfectivoClient client = PagoEfectivoClient.builder(URI.create(harness.fake.baseUri() + "/sandbox/"),
                        Harness.SERVICE_ID, Secret.ofText(harness.accessKey, "a"), Secret.ofText(harness.secretKey, "s"))
                .trustStore(pki.trustStore()).clock(harness.clock).sleeper(harness.sleeper).build();

        client.search(List.of("2526391"));

        assertEquals(List.of("/sandbox/v1/authorizations", "/sandbox/v1/cips/search"),
                harness.fake.seen().stream().map(Seen::path).toList());
    }
}
