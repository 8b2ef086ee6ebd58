package io.resguardo.web.pagoefectivo;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIP PagoEfectivo created: {@code data.cip}, {@code data.cipUrl}, {@code data.transactionCode} (checked to be
 * ours) and {@code data.dateExpiry} when it could be read.
 *
 * @param cip             the payment code, digits as PagoEfectivo sent them (a JSON number or string)
 * @param cipUrl          where the buyer sees the code, absolute {@code https} or {@code http}
 * @param transactionCode our transaction code, as echoed
 * @param expiresAt       PagoEfectivo's expiry, empty when absent or unreadable
 */
public record CreatedCip(String cip, URI cipUrl, String transactionCode, Optional<OffsetDateTime> expiresAt) {
    public CreatedCip {
        Objects.requireNonNull(cip, "cip");
        Objects.requireNonNull(cipUrl, "cipUrl");
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
