package io.resguardo.web.sandbox;

import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.resguardo.web.sandbox.SandboxAuthorizationTest.assertRefused;
import static io.resguardo.web.sandbox.SandboxAuthorizationTest.fields;
import static io.resguardo.web.sandbox.SandboxHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxCipApiTest {
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
        sandbox = SandboxHarness.start(certificate, SandboxHarness.fastOptions()
                .withMaxAmount(new BigDecimal("5000.00")));
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void aValidRequestIs201WithANumericCipAndItsUrl() throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("ORDER-1").add("amount", 150).build().toString());

        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(100, body.getInt("code"));
        JsonObject data = body.getJsonObject("data");
        String cip = data.getJsonNumber("cip").toString();
        assertTrue(cip.matches("[0-9]{8}"), cip);
        assertEquals("PEN", data.getString("currency"));
        assertEquals("150.00", data.getJsonNumber("amount").toString());
        assertEquals("ORDER-1", data.getString("transactionCode"));
        assertEquals("2026-11-27T10:15:30-05:00", data.getString("dateExpiry"));
        assertEquals(sandbox.sandbox() + "cips/" + cip, data.getString("cipUrl"));
    }

    @Test
    void everyCipHasItsOwnNumber() throws Exception {
        assertNotEquals(sandbox.createCip("A"), sandbox.createCip("B"));
    }

    @Test
    void onlyTheRequiredFieldsSuffice() throws Exception {
        String body = Json.createObjectBuilder().add("currency", "USD").add("amount", "10.5")
                .add("transactionCode", "min").add("dateExpiry", sandbox.dateRequest(sandbox.clock.instant()
                        .plusSeconds(60))).add("paymentConcept", "x").add("userEmail", "a@b.pe")
                .add("unknownMember", "ignored").build().toString();

        assertEquals(201, sandbox.api("POST", "v1/cips", body).statusCode());
    }

    @Test
    void missingRequiredFieldsAre400Code112NamingEveryOne() throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips", "{\"currency\":null,\"userName\":\"Ana\"}");

        assertRefused(response, 400, "112");
        assertEquals("[currency, amount, transactionCode, dateExpiry, paymentConcept, userEmail]",
                fields(json(response)));
        json(response).getJsonArray("data").forEach(e -> assertEquals("112", e.asJsonObject().getString("code")));
    }

    static Stream<Arguments> invalidValues() {
        String longText = "x".repeat(51);
        return Stream.of(
                invalid("currency", b -> b.add("currency", "EUR")),
                invalid("currency", b -> b.add("currency", 604)),
                invalid("amount", b -> b.add("amount", 0)),
                invalid("amount", b -> b.add("amount", new BigDecimal("-1.00"))),
                invalid("amount", b -> b.add("amount", new BigDecimal("1.234"))),
                invalid("amount", b -> b.add("amount", "1e3")),
                invalid("amount", b -> b.add("amount", true)),
                invalid("transactionCode", b -> b.add("transactionCode", "x".repeat(37))),
                invalid("transactionCode", b -> b.add("transactionCode", "with space")),
                invalid("dateExpiry", b -> b.add("dateExpiry", "2026-11-26T10:15:30-05:00")),
                invalid("dateExpiry", b -> b.add("dateExpiry", "2026-12-26")),
                invalid("paymentConcept", b -> b.add("paymentConcept", longText)),
                invalid("additionalData", b -> b.add("additionalData", "y".repeat(201))),
                invalid("adminEmail", b -> b.add("adminEmail", "not-an-email")),
                invalid("userEmail", b -> b.add("userEmail", "a@b")),
                invalid("userName", b -> b.add("userName", "n".repeat(31))),
                invalid("userLastName", b -> b.add("userLastName", "n".repeat(31))),
                invalid("userUbigeo", b -> b.add("userUbigeo", "15010")),
                invalid("userDocumentType", b -> b.add("userDocumentType", "XYZ")),
                invalid("userPhone", b -> b.add("userPhone", "12-34")),
                invalid("userCodeCountry", b -> b.add("userCodeCountry", "51")));
    }

    private static Arguments invalid(String field, UnaryOperator<JsonObjectBuilder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void anInvalidValueIs400Code113NamingTheField(String field, UnaryOperator<JsonObjectBuilder> change)
            throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips",
                change.apply(sandbox.cipRequest("T-" + field)).build().toString());

        assertRefused(response, 400, "113");
        JsonArray data = json(response).getJsonArray("data");
        assertEquals(1, data.size(), response.body());
        assertEquals(field, data.getJsonObject(0).getString("field"));
        assertEquals("113", data.getJsonObject(0).getString("code"));
    }

    @Test
    void missingAndInvalidTogetherAre113ListingBoth() throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("T").remove("userEmail").add("currency", "EUR").build().toString());

        assertRefused(response, 400, "113");
        assertEquals("[currency, userEmail]", fields(json(response)));
    }

    @Test
    void messagesDoNotRepeatTheSubmittedValue() throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("T").add("userEmail", "secret-person@nowhere").build().toString());

        assertRefused(response, 400, "113");
        assertFalse(response.body().contains("secret-person"));
    }

    @Test
    void aReusedTransactionCodeIs400Code113WithEntry114() throws Exception {
        sandbox.createCip("ORDER-7");

        HttpResponse<String> again = sandbox.api("POST", "v1/cips", sandbox.cipRequest("ORDER-7").build().toString());

        assertRefused(again, 400, "113");
        JsonObject entry = json(again).getJsonArray("data").getJsonObject(0);
        assertEquals("114", entry.getString("code"));
        assertEquals("transactionCode", entry.getString("field"));
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsTransactionCode() throws Exception {
        sandbox.api("POST", "v1/cips", sandbox.cipRequest("ORDER-8").add("currency", "EUR").build().toString());

        sandbox.createCip("ORDER-8");
    }

    @Test
    void creationRequestsAreCountedPerTransactionCodeRefusedRepeatsIncluded() throws Exception {
        String cip = sandbox.createCip("ORDER-9");
        sandbox.api("POST", "v1/cips", sandbox.cipRequest("ORDER-9").build().toString());
        sandbox.api("POST", "v1/cips", sandbox.cipRequest("ORDER-9").add("currency", "EUR").build().toString());

        HttpResponse<String> counted = sandbox.send("GET", "cips?transactionCode=ORDER-9", null);
        assertEquals(200, counted.statusCode(), counted.body());
        JsonObject body = json(counted);
        assertEquals(2, body.getInt("creationRequests"), "the invalid request never reached the CIP store");
        assertEquals(1, body.getJsonArray("cips").size());
        assertEquals(cip, body.getJsonArray("cips").getJsonObject(0).getJsonNumber("cip").toString());
        assertEquals(0, json(sandbox.send("GET", "cips?transactionCode=NEVER", null)).getInt("creationRequests"));
        assertEquals(400, sandbox.send("GET", "cips", null).statusCode());
        assertEquals(400, sandbox.send("GET", "cips?transactionCode=A&transactionCode=B", null).statusCode());
    }

    @Test
    void anAmountOverTheMerchantMaximumIs400Code511() throws Exception {
        HttpResponse<String> response = sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("BIG").add("amount", new BigDecimal("5000.01")).build().toString());

        assertRefused(response, 400, "511");
        assertEquals("[amount]", fields(json(response)));
        assertEquals(201, sandbox.api("POST", "v1/cips",
                sandbox.cipRequest("BIG").add("amount", new BigDecimal("5000.00")).build().toString()).statusCode());
    }

    @Test
    void searchReportsEachStateWithThePaymentOfAPaidCip() throws Exception {
        String pending = sandbox.createCip("S-1");
        String paid = sandbox.createCip("S-2");
        String expired = sandbox.createCip("S-3");
        String deleted = sandbox.createCip("S-4");
        String payment = json(sandbox.post("cips/" + paid + "/pay", "")).getString("operationNumber");
        assertEquals(202, sandbox.post("cips/" + expired + "/expire", "{}").statusCode());
        assertEquals(202, sandbox.post("cips/" + deleted + "/delete", null).statusCode());

        HttpResponse<String> response = sandbox.api("POST", "v1/cips/search", Json.createObjectBuilder()
                .add("cips", Json.createArrayBuilder().add(pending).add(Long.parseLong(paid)).add(expired)
                        .add(deleted).add("99999999")).build().toString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("100", json(response).getString("code"));
        List<JsonObject> data = json(response).getJsonArray("data").getValuesAs(JsonValue::asJsonObject);
        assertEquals(List.of("pending", "paid", "expired", "deleted", "not_found"),
                data.stream().map(o -> o.getString("status")).toList());
        assertEquals(paid, data.get(1).getJsonNumber("cip").toString());
        assertEquals(payment, data.get(1).getString("operationNumber"));
        assertEquals("2026-11-26T10:15:30-05:00", data.get(1).getString("paidDate"));
        assertEquals("150.00", data.get(1).getJsonNumber("amount").toString());
        assertEquals("S-2", data.get(1).getString("transactionCode"));
        assertFalse(data.get(0).containsKey("operationNumber"));
    }

    @Test
    void searchReportsAPendingCipPastItsExpiryAsExpired() throws Exception {
        String cip = sandbox.createCip("LATE");
        sandbox.clock.advance(Duration.ofDays(1));

        HttpResponse<String> response = sandbox.api("POST", "v1/cips/search", "{\"cips\":[\"" + cip + "\"]}");

        assertEquals("expired", json(response).getJsonArray("data").getJsonObject(0).getString("status"));
    }

    @Test
    void searchWithoutCipsIs112AndWithABadOneIs113() throws Exception {
        assertRefused(sandbox.api("POST", "v1/cips/search", "{\"cips\":[]}"), 400, "112");
        HttpResponse<String> bad = sandbox.api("POST", "v1/cips/search", "{\"cips\":[\"1\",\"abc\"]}");
        assertRefused(bad, 400, "113");
        assertEquals("[cips[1]]", fields(json(bad)));
    }

    @Test
    void patchSetsANewExpiryWhilePending() throws Exception {
        String cip = sandbox.createCip("P-1");
        String later = sandbox.dateRequest(sandbox.clock.instant().plus(Duration.ofDays(3)));

        HttpResponse<String> response = sandbox.api("PATCH", "v1/cips/" + cip,
                "{\"dateExpiry\":\"" + later + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(later, json(response).getJsonObject("data").getString("dateExpiry"));
        assertEquals(later, sandbox.page(cip).getString("dateExpiry"));
    }

    @Test
    void patchRefusesAPastExpiryAPaidCipAndAnUnknownOne() throws Exception {
        String cip = sandbox.createCip("P-2");
        assertRefused(sandbox.api("PATCH", "v1/cips/" + cip, "{\"dateExpiry\":\""
                + sandbox.dateRequest(sandbox.clock.instant()) + "\"}"), 400, "113");
        sandbox.post("cips/" + cip + "/pay", "");
        String later = "{\"dateExpiry\":\"" + sandbox.dateRequest(sandbox.clock.instant().plusSeconds(600)) + "\"}";

        assertRefused(sandbox.api("PATCH", "v1/cips/" + cip, later), 400, "116");
        assertRefused(sandbox.api("PATCH", "v1/cips/12345", later), 404, "115");
        assertRefused(sandbox.api("PATCH", "v1/cips/abc", later), 404, "115");
    }

    @Test
    void deleteRemovesAnUnpaidCipButNotAPaidOne() throws Exception {
        String unpaid = sandbox.createCip("D-1");
        String paid = sandbox.createCip("D-2");
        sandbox.post("cips/" + paid + "/pay", "");

        HttpResponse<String> deleted = sandbox.api("DELETE", "v1/cips/" + unpaid, null);

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("deleted", json(deleted).getJsonObject("data").getString("status"));
        assertRefused(sandbox.api("DELETE", "v1/cips/" + unpaid, null), 400, "116");
        assertRefused(sandbox.api("DELETE", "v1/cips/" + paid, null), 400, "116");
        assertRefused(sandbox.api("DELETE", "v1/cips/87654321", null), 404, "115");
        assertEquals("paid", sandbox.page(paid).getString("status"));
    }

    @Test
    void ofConcurrentCreationsWithOneTransactionCodeExactlyOneSucceeds() throws Exception {
        String token = sandbox.token();
        String body = sandbox.cipRequest("RACE").build().toString();

        int created = Concurrently.sum(12, thread -> sandbox.send("POST", "v1/cips", body,
                "Authorization", "Bearer " + token).statusCode() == 201 ? 1 : 0);

        assertEquals(1, created);
    }

    @Test
    void ofConcurrentPaymentsOfOneCipExactlyOneSucceeds() throws Exception {
        String cip = sandbox.createCip("PAY-RACE");

        int paid = Concurrently.sum(12, thread -> sandbox.post("cips/" + cip + "/pay", "").statusCode() == 202
                ? 1 : 0);

        assertEquals(1, paid);
        sandbox.receiver.next();
        sandbox.receiver.assertNoneWithin(Duration.ofMillis(300));
    }

    @Test
    void theApiCallsNeedAToken() throws Exception {
        assertRefused(sandbox.send("POST", "v1/cips/search", "{\"cips\":[\"1\"]}"), 401, "106");
        assertRefused(sandbox.send("PATCH", "v1/cips/1", "{}"), 401, "106");
        assertRefused(sandbox.send("DELETE", "v1/cips/1", null), 401, "106");
    }
}
