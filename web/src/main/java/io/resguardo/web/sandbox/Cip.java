package io.resguardo.web.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One CIP as the sandbox keeps it; immutable, replaced as a whole on every change.
 *
 * @param number          the CIP, 8 digits
 * @param operationNumber the operation number of the payment, {@code null} unless paid
 * @param paidAt          when it was paid, {@code null} unless paid
 * @param changedAt       when the status last changed (creation, payment, expiry or deletion)
 */
record Cip(String number, String transactionCode, String currency, BigDecimal amount, Instant dateExpiry,
           CipStatus status, String operationNumber, Instant paidAt, Instant changedAt) {

    static Cip pending(String number, NewCip request, Instant now) {
        return new Cip(number, request.transactionCode(), request.currency(), request.amount(),
                request.dateExpiry(), CipStatus.PENDING, null, null, now);
    }

    /** The status at {@code now}: a pending CIP whose expiry has passed is expired, as PagoEfectivo reports it. */
    CipStatus statusAt(Instant now) {
        return status == CipStatus.PENDING && !now.isBefore(dateExpiry) ? CipStatus.EXPIRED : status;
    }

    /** Neither paid nor deleted: what deletion needs. */
    boolean unpaid() {
        return status == CipStatus.PENDING || status == CipStatus.EXPIRED;
    }

    Cip paid(String operation, Instant now) {
        return new Cip(number, transactionCode, currency, amount, dateExpiry, CipStatus.PAID, operation, now, now);
    }

    Cip withStatus(CipStatus next, Instant now) {
        return new Cip(number, transactionCode, currency, amount, dateExpiry, next, operationNumber, paidAt, now);
    }

    Cip withExpiry(Instant expiry) {
        return new Cip(number, transactionCode, currency, amount, expiry, status, operationNumber, paidAt, changedAt);
    }
}
