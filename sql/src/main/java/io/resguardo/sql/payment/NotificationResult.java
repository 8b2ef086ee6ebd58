package io.resguardo.sql.payment;

import io.resguardo.core.ErrorCode;
import io.resguardo.sql.order.Order;

import java.util.Objects;
import java.util.Optional;

/**
 * What applying a notification did.
 *
 * @param outcome the outcome recorded for this distinct notification (for a repeat, the first arrival's)
 * @param code why it was rejected: {@code UNKNOWN_CIP}, {@code AMOUNT_MISMATCH}, {@code CURRENCY_MISMATCH} or
 *     {@code INVALID_TRANSITION}
 * @param order the order it concerns, as stored after this transaction
 * @param repeated true when this same notification (event type, CIP, operation number) had arrived before: it
 *     changed nothing and only counted as a duplicate
 */
public record NotificationResult(long notificationId, NotificationOutcome outcome, Optional<ErrorCode> code,
                                 Optional<Order> order, boolean repeated) {
    public NotificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(order, "order");
        if ((outcome == NotificationOutcome.REJECTED) != code.isPresent()) {
            throw new IllegalArgumentException("a code comes with REJECTED and only with it");
        }
    }
}
