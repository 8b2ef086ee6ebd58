package io.resguardo.web.pagoefectivo;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CipRequestTest {
    private static CipRequest request(BigDecimal amount, String transactionCode, String concept) {
        return new CipRequest(Currency.USD, amount, transactionCode, Instant.parse("2026-12-01T05:00:00Z"), concept,
                Optional.empty(), Optional.empty(), Harness.customer());
    }

    @Test
    void amountIsHeldWithExactlyTwoDecimals() {
        assertEquals("150.00", request(new BigDecimal("150"), "T-1", "c").amount().toPlainString());
        assertEquals("150.50", request(new BigDecimal("150.500"), "T-1", "c").amount().toPlainString());
        assertEquals("1000.00", request(new BigDecimal("1E+3"), "T-1", "c").amount().toPlainString());
        assertTrue(WireBodies.cip(request(new BigDecimal("1E+3"), "T-1", "c")).contains("\"amount\":1000.00,"));
    }

    @Test
    void valuesOutsidePagoEfectivosLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> request(new BigDecimal("0"), "T-1", "c"));
        assertThrows(IllegalArgumentException.class, () -> request(new BigDecimal("1.005"), "T-1", "c"));
        assertThrows(IllegalArgumentException.class, () -> request(BigDecimal.ONE, "", "c"));
        assertThrows(IllegalArgumentException.class, () -> request(BigDecimal.ONE, "T".repeat(37), "c"));
        assertThrows(IllegalArgumentException.class, () -> request(BigDecimal.ONE, "T-1", "c".repeat(51)));
        request(BigDecimal.ONE, "T".repeat(36), "ñ".repeat(50));
    }

    @Test
    void dateExpiryIsLimaTimeWithOffset() {
        String body = WireBodies.cip(request(BigDecimal.ONE, "T-1", "c"));

        assertTrue(body.contains("\"dateExpiry\":\"2026-12-01 00:00:00-05:00\""), body);
        assertEquals("2026-12-01 00:00:00-05:00", PeDates.dateExpiry(OffsetDateTime.parse("2026-12-01T05:00:00Z")));
    }

    @Test
    void absentOptionalFieldsAreOmittedNotSentEmpty() {
        String body = WireBodies.cip(new CipRequest(Currency.PEN, BigDecimal.TEN, "T-2",
                Instant.parse("2026-12-01T05:00:00Z"), "c", Optional.empty(), Optional.empty(),
                new Customer(Harness.EMAIL, Optional.empty(), Optional.empty(),
                        Optional.empty(), Harness.PHONE, "+51")));

        for (String absent : new String[] {"adminEmail", "additionalData", "userName", "userLastName",
                "userDocumentType", "userDocumentNumber", "userUbigeo"}) {
            assertFalse(body.contains("\"" + absent + "\""), absent);
        }
    }

    @Test
    void toStringMasksPersonalData() {
        CipRequest request = new CipRequest(Currency.PEN, BigDecimal.TEN, "T-3", Instant.parse("2026-12-01T05:00:00Z"),
                "c", Optional.of("extra"), Optional.of(Harness.ADMIN_EMAIL), Harness.customer());

        String text = request.toString();

        for (String hidden : new String[] {Harness.EMAIL, Harness.ADMIN_EMAIL, Harness.PHONE, Harness.DOCUMENT}) {
            assertFalse(text.contains(hidden), hidden);
        }
        assertTrue(text.contains("c***@tienda.example.pe"), text);
    }
}
