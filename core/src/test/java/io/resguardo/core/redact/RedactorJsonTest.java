package io.resguardo.core.redact;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorJsonTest {
    private final Redactor redactor = Redactor.standard();

    @Test
    void masksPagoEfectivoAuthorizationRequestCredentials() {
        String json = "{\"accessKey\":\"AKpe\",\"idService\":1234,\"dateRequest\":\"2026-11-26T10:15:30-05:00\","
                + "\"hashString\":\"c2e2a9d1\",\"secretKey\":\"sk\"}";
        assertEquals("{\"accessKey\":\"***\",\"idService\":1234,\"dateRequest\":\"2026-11-26T10:15:30-05:00\","
                + "\"hashString\":\"***\",\"secretKey\":\"***\"}", redactor.redactJson(json));
    }

    @Test
    void masksPersonalDataOfACipRequestByKind() {
        String json = "{\"currency\":\"PEN\",\"amount\":150.00,\"transactionCode\":\"ORD-1001\","
                + "\"adminEmail\":\"admin@shop.pe\",\"userEmail\":\"ana@example.com\",\"userName\":\"Ana\","
                + "\"userDocumentType\":\"DNI\",\"userDocumentNumber\":\"45781236\",\"userPhone\":\"987654321\","
                + "\"userCodeCountry\":\"+51\"}";
        assertEquals("{\"currency\":\"PEN\",\"amount\":150.00,\"transactionCode\":\"ORD-1001\","
                + "\"adminEmail\":\"a***@shop.pe\",\"userEmail\":\"a***@example.com\",\"userName\":\"Ana\","
                + "\"userDocumentType\":\"DNI\",\"userDocumentNumber\":\"4***6\",\"userPhone\":\"9***1\","
                + "\"userCodeCountry\":\"+51\"}", redactor.redactJson(json));
    }

    @Test
    void masksNestedValuesNumbersAndArraysKeepingTheDocumentValid() {
        String json = "{ \"data\" : { \"token\" : \"eyJ.abc\", \"tokenExpires\" : \"2026-11-26T12:15:30-05:00\" },\n"
                + "  \"customer\": {\"email\": \"ana@example.com\", \"phone\": 987654321, \"documentNumber\": null},\n"
                + "  \"credentials\": {\"a\": [\"x\", 1, true, {\"b\": \"y\"}]},\n"
                + "  \"emails\": [\"ana@example.com\", \"bob@example.org\"],\n"
                + "  \"note\": \"call 987654321 or write to ana@example.com\",\n"
                + "  \"pass\\u0077ord\": \"hunter2\", \"q\\\"uote\": \"a\\\"b\" }";

        String redacted = redactor.redactJson(json);

        JsonObject object = parse(redacted);
        assertEquals("***", object.getJsonObject("data").getString("token"));
        assertEquals("***", object.getJsonObject("data").getString("tokenExpires"));
        assertEquals("a***@example.com", object.getJsonObject("customer").getString("email"));
        assertEquals("9***1", object.getJsonObject("customer").getString("phone"));
        assertTrue(object.getJsonObject("customer").isNull("documentNumber"));
        assertEquals("[\"***\",\"***\",true,{\"b\":\"***\"}]",
                object.getJsonObject("credentials").getJsonArray("a").toString());
        assertEquals("[\"a***@example.com\",\"b***@example.org\"]", object.getJsonArray("emails").toString());
        assertEquals("call 9***1 or write to a***@example.com", object.getString("note"));
        assertEquals("***", object.getString("password"));
        assertEquals("a\"b", object.getString("q\"uote"));
        assertFalse(redacted.contains("hunter2"));
        assertTrue(redacted.contains("\"pass\\u0077ord\""), "unchanged strings keep their original escapes");
    }

    @Test
    void redactsTopLevelScalarsAndKeepsWhitespace() {
        assertEquals("\"a***@example.com\"", redactor.redactJson("\"ana@example.com\""));
        assertEquals(" [ 1 , 2 ] ", redactor.redactJson(" [ 1 , 2 ] "));
        assertEquals("{}", redactor.redactJson("{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"password\":\"hunter2\"",
            "{\"password\":\"hunter2\"}}",
            "{\"password\": \"hunter2\" \"x\": 1}",
            "[\"password=hunter2\",]x",
            "{\"password\":hunter2}",
            "{'password':'hunter2'}",
            "password=hunter2 {",
            "{\"a\":\"\\x\", \"password\":\"hunter2\"}"})
    void fallsBackToFreeTextOnMalformedJson(String malformed) {
        String redacted = redactor.redactJson(malformed);
        assertFalse(redacted.contains("hunter2"), redacted);
    }

    @Test
    void fallsBackOnEmptyAndDeeplyNestedUnclosedInput() {
        assertEquals("", redactor.redactJson(""));
        assertEquals("[".repeat(100_000), redactor.redactJson("[".repeat(100_000)));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
