package io.resguardo.sql.payment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification whose signature verified, as the ledger needs it.
 *
 * @param currency as received (compared with the order's), empty when the event carried none
 * @param amount as received, exact; empty when the event carried none
 * @param keyId which key verified the signature ({@code current}, {@code previous})
 * @param redactedPayload the body after the core redactor: the only copy of the payload that is stored
 */
public record IncomingNotification(
        PaymentEvent event,
        String cip,
        String operationNumber,
        Optional<String> currency,
        Optional<BigDecimal> amount,
        String keyId,
        String redactedPayload) {

    public IncomingNotification {
        Objects.requireNonNull(event, "event");
        requireText("cip", cip, 64);
        requireText("operationNumber", operationNumber, 64);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        requireText("keyId", keyId, 64);
        Objects.requireNonNull(redactedPayload, "redactedPayload");
        if (redactedPayload.length() > 100_000) {
            throw new IllegalArgumentException("payload longer than 100000 characters");
        }
    }

    private static void requireText(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
        }
    }
}
