package io.resguardo.web.config;

import io.resguardo.core.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.resguardo.web.config.Configs.load;
import static io.resguardo.web.config.Configs.problems;
import static io.resguardo.web.config.Configs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysSettingTest {
    /** 16 random bytes, without padding (22 characters). */
    private static final String SIXTEEN_BYTES_UNPADDED = "q3Xv0pM5rLs8T1wZbN4yKg";

    @TempDir
    Path home;

    private Map<String, Secret> apiKeys(String setting) {
        return load(with(Configs.production(home), "RESGUARDO_API_KEYS", setting)).apiKeys();
    }

    @Test
    void keysKeepTheirOrderAndDecodeFromBase64() {
        Map<String, Secret> keys = apiKeys(" zeta = " + Configs.API_SECRET + " , alpha=" + Configs.API_SECRET_2);
        assertEquals(List.of("zeta", "alpha"), List.copyOf(keys.keySet()));
        assertArrayEquals(Base64.getDecoder().decode(Configs.API_SECRET), keys.get("zeta").revealBytes());
        assertThrows(UnsupportedOperationException.class, () -> keys.put("x", keys.get("zeta")));
    }

    @Test
    void paddingIsOptionalAndSixteenBytesAreEnough() {
        Map<String, Secret> keys = apiKeys("a=" + SIXTEEN_BYTES_UNPADDED + ",b=" + SIXTEEN_BYTES_UNPADDED + "==");
        assertEquals(16, keys.get("a").length());
        assertEquals(keys.get("a"), keys.get("b"));
    }

    @Test
    void aKeyIdOfSixtyFourAllowedCharactersIsAccepted() {
        String id = "A-z_0.9".repeat(9) + "x";
        assertEquals(64, id.length());
        assertTrue(apiKeys(id + "=" + Configs.API_SECRET).containsKey(id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shop=q3Xv0pM5rLs8T1wZbN4y                    | entry 1 has a secret of 15 bytes; at least 16",
            "shop=q3Xv0pM5rLs8T1wZbN4yKg-_                | entry 1 has a secret that is not standard base64",
            "shop=q3Xv0pM5 rLs8T1wZbN4yKg                 | entry 1 has a secret that is not standard base64",
            "shop=q3Xv0pM5rLs8T1wZbN4yKgqAB               | entry 1 has a secret that is not standard base64",
            "q3Xv0pM5rLs8T1wZbN4yKg                       | entry 1 is not keyid=base64secret",
            "=q3Xv0pM5rLs8T1wZbN4yKg                      | entry 1 has a key id that is not 1 to 64",
            "shop/1=q3Xv0pM5rLs8T1wZbN4yKg                | entry 1 has a key id that is not 1 to 64",
            "shop=q3Xv0pM5rLs8T1wZbN4yKg,                 | entry 2 is empty (a stray comma?)",
            "shop=q3Xv0pM5rLs8T1wZbN4yKg,shop=q3Xv0pM5rLs8T1wZbN4yKg | entries 1 and 2 have the same key id",
            "shop=AAAAAAAAAAAAAAAAAAAAAA                  | entry 1 has a secret that is a placeholder or not random",
            "shop=dGVzdC1zZWNyZXQta2V5LTEyMzQ=            | entry 1 has a secret that is a placeholder or not random",
    })
    void badEntriesAreNamedByPositionWithoutTheirValue(String setting, String expected) {
        String message = problems(with(Configs.production(home), "RESGUARDO_API_KEYS", setting));
        assertTrue(message.contains("RESGUARDO_API_KEYS: " + expected), message);
        assertFalse(message.contains("q3Xv0pM5"), message);
        assertFalse(message.contains("shop/1"), message);
    }

    @Test
    void aKeyIdLongerThanSixtyFourIsRefused() {
        String message = problems(with(Configs.production(home), "RESGUARDO_API_KEYS",
                "k".repeat(65) + "=" + Configs.API_SECRET));
        assertTrue(message.contains("entry 1 has a key id that is not 1 to 64"), message);
    }

    @Test
    void everyBadEntryIsReportedNotOnlyTheFirst() {
        String message = problems(with(Configs.production(home), "RESGUARDO_API_KEYS",
                "a=short,b=" + Configs.API_SECRET + ",,c"));
        assertTrue(message.contains("entry 1 "), message);
        assertTrue(message.contains("entry 3 is empty"), message);
        assertTrue(message.contains("entry 4 is not keyid=base64secret"), message);
        assertTrue(message.contains("(3 problems)"), message);
    }
}
