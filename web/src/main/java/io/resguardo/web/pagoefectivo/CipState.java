package io.resguardo.web.pagoefectivo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One CIP of a search answer. Every field but {@code cip} is optional on the wire; see the package documentation for
 * the member names read.
 *
 * @param cip             the payment code
 * @param status          the mapped state
 * @param rawStatus       the status exactly as sent (text, or a number as text); empty string when absent
 * @param transactionCode our transaction code, when sent
 * @param amount          the amount, when sent as a plain number or numeric string
 * @param currency        the currency, when sent
 * @param operationNumber PagoEfectivo's operation number of the payment, when paid
 * @param paidAt          when it was paid, when sent and readable
 */
public record CipState(
        String cip,
        CipStatus status,
        String rawStatus,
        Optional<String> transactionCode,
        Optional<BigDecimal> amount,
        Optional<String> currency,
        Optional<String> operationNumber,
        Optional<OffsetDateTime> paidAt) {

    public CipState {
        Objects.requireNonNull(cip, "cip");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(operationNumber, "operationNumber");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
