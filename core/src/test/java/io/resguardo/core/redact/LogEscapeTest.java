package io.resguardo.core.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogEscapeTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0a|\\n",
            "0d|\\r",
            "09|\\t",
            "00|\\u0000",
            "1b|\\u001b",
            "7f|\\u007f",
            "85|\\u0085",
            "2028|\\u2028",
            "2029|\\u2029",
            "202e|\\u202e",
            "2066|\\u2066",
            "feff|\\ufeff",
            "d800|\\ud800",
            "dc00|\\udc00"})
    void escapesEachControlCharacter(String hex, String expected) {
        char c = (char) Integer.parseInt(hex, 16);
        assertEquals("a" + expected + "b", Redactor.escapeControl("a" + c + "b"));
    }

    @Test
    void forgedLogLinesStayOnOneLine() {
        String forged = "ok\r\n2026-11-26 INFO admin logged in\u001b[2K";
        String escaped = Redactor.escapeControl(forged);
        assertEquals("ok\\r\\n2026-11-26 INFO admin logged in\\u001b[2K", escaped);
        assertFalse(escaped.chars().anyMatch(c -> c < 0x20));
    }

    @Test
    void keepsPrintableTextBackslashesAndSurrogatePairs() {
        String text = "Ñandú \\n C:\\temp \uD83D\uDE00";
        assertEquals(text, Redactor.escapeControl(text));
    }

    @Test
    void capsTheLengthWithoutCuttingEscapesOrPairs() {
        assertEquals("x".repeat(20) + Redactor.TRUNCATED, Redactor.escapeControl("x".repeat(100), 20));
        assertEquals("\\n".repeat(8) + Redactor.TRUNCATED, Redactor.escapeControl("\n".repeat(100), 17));
        assertEquals("x".repeat(15) + Redactor.TRUNCATED,
                Redactor.escapeControl("x".repeat(15) + "\uD83D\uDE00", 16));
        assertEquals("x".repeat(16), Redactor.escapeControl("x".repeat(16), 16));
        assertThrows(IllegalArgumentException.class, () -> Redactor.escapeControl("x", 15));
        assertEquals("null", Redactor.escapeControl(null));
    }

    @Test
    void redactsThenEscapesForLogs() {
        assertEquals("user a***@example.com\\nphone 9***1",
                Redactor.standard().redactForLog("user ana@example.com\nphone 987654321", 1000));
    }
}
