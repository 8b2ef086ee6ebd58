package io.resguardo.web.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {
    final RequestIds ids = new RequestIds();

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-DEF_1.2", "0123456789012345678901234567890123456789012345678901234567890123"})
    void validIdsAreKept(String id) {
        assertEquals(id, ids.choose(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a\nb", "a;b", "ñ", "01234567890123456789012345678901234567890123456789012345678901234"})
    void anythingElseIsReplacedByAGeneratedId(String id) {
        String chosen = ids.choose(id);
        assertNotEquals(id, chosen);
        assertTrue(chosen.matches("[0-9a-f]{32}"));
    }
}
