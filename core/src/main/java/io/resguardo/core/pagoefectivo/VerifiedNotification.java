package io.resguardo.core.pagoefectivo;

import java.util.Objects;

/**
 * A PagoEfectivo notification whose {@code PE-Signature} matched its exact body bytes.
 *
 * @param keyId the id of the ring key that verified it (for example {@code "previous"} during a rotation overlap), so
 *              operators can see when the peer has moved to the new key
 */
public record VerifiedNotification(String keyId) {
    public VerifiedNotification {
        Objects.requireNonNull(keyId, "keyId");
    }
}
