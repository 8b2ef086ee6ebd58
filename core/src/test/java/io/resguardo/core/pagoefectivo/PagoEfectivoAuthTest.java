package io.resguardo.core.pagoefectivo;

import io.resguardo.core.secret.Secret;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagoEfectivoAuthTest {
    private static final Secret KEY = Secret.ofText("Pe-Secret-9vT2kQ7mZ4xR");

    @Test
    void reproducesThePublishedHashStrings() {
        for (JsonValue value : Vectors.load("pagoefectivo.json").getJsonArray("authorization")) {
            JsonObject vector = value.asJsonObject();
            String hash = PagoEfectivoAuth.hashString(vector.getJsonNumber("idService").longValueExact(),
                    vector.getString("accessKey"), Secret.ofText(vector.getString("secretKey")),
                    vector.getString("dateRequest"));
            assertEquals(vector.getString("hashString"), hash);
        }
    }

    @Test
    void formatsDateRequestInLimaTime() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-26T15:15:30Z"));
        assertEquals("2026-11-26T10:15:30-05:00", PagoEfectivoAuth.dateRequest(clock));
        clock.set(Instant.parse("2027-01-01T04:59:59.999Z"));
        assertEquals("2026-12-31T23:59:59-05:00", PagoEfectivoAuth.dateRequest(clock));
    }

    @Test
    void refusesMalformedInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> PagoEfectivoAuth.hashString(0, "access", KEY, "2026-11-26T10:15:30-05:00"));
        assertThrows(IllegalArgumentException.class,
                () -> PagoEfectivoAuth.hashString(1, " ", KEY, "2026-11-26T10:15:30-05:00"));
        assertThrows(IllegalArgumentException.class,
                () -> PagoEfectivoAuth.hashString(1, "access", KEY, "2026-11-26 10:15:30"));
        assertThrows(IllegalArgumentException.class,
                () -> PagoEfectivoAuth.hashString(1, "access", KEY, "2026-02-30T10:15:30-05:00"));
    }
}
