package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {
    final StrictJson json = new StrictJson();

    @Test
    void aWellFormedObjectKeepsNumbersExact() throws Exception {
        JsonObject o = json.object("{\"amount\":150.10,\"big\":12345678901234567890.01,\"n\":{\"a\":[1,\"x\",null,true]}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("150.10"), o.getJsonNumber("amount").bigDecimalValue());
        assertEquals("150.10", o.getJsonNumber("amount").toString());
        assertEquals(new BigDecimal("12345678901234567890.01"), o.getJsonNumber("big").bigDecimalValue());
        assertEquals(4, o.getJsonObject("n").getJsonArray("a").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[1]", "\"s\"", "1", "null", "{\"a\":1,\"a\":2}", "{\"o\":{\"k\":1,\"k\":1}}",
        "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1", "{a:1}", "{\"a\":01}", "{\"a\":NaN}", "{'a':1}", "\uFEFF{}"})
    void anythingButOneStrictObjectIsMalformed(String text) {
        ResguardoException e = assertThrows(ResguardoException.class,
                () -> json.object(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.MALFORMED_JSON, e.code());
        assertFalse(text.length() > 3 && e.getMessage().contains(text), "the input is not echoed");
    }

    @Test
    void invalidUtf8IsMalformedNotReplaced() {
        for (byte[] body : new byte[][] {{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
            assertEquals(ErrorCode.MALFORMED_JSON,
                    assertThrows(ResguardoException.class, () -> json.object(body)).code());
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsMalformed() throws Exception {
        String atTheLimit = "{\"a\":".repeat(StrictJson.MAX_DEPTH) + "1" + "}".repeat(StrictJson.MAX_DEPTH);
        json.object(atTheLimit.getBytes(StandardCharsets.UTF_8));
        String deep = "[".repeat(100) + "]".repeat(100);
        assertEquals(ErrorCode.MALFORMED_JSON, assertThrows(ResguardoException.class,
                () -> json.object(("{\"a\":" + deep + "}").getBytes(StandardCharsets.UTF_8))).code());
    }
}
