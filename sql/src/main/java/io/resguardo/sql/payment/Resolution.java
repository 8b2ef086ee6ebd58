package io.resguardo.sql.payment;

import io.resguardo.sql.order.Order;

import java.util.Objects;

/**
 * What {@link PaymentLedger#resolve} did.
 *
 * @param moved true when this call moved the order; false when it was no longer pending
 * @param order the order as stored after the call
 */
public record Resolution(boolean moved, Order order) {
    public Resolution {
        Objects.requireNonNull(order, "order");
    }
}
