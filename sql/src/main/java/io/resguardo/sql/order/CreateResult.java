package io.resguardo.sql.order;

import java.util.Objects;

/**
 * What {@link OrderStore#create} did.
 *
 * @param order the new order ({@link Outcome#CREATED}) or the one already stored under that transaction code
 */
public record CreateResult(Outcome outcome, Order order) {
    /** The three idempotency outcomes (CONTRACT section 3). */
    public enum Outcome {
        /** Stored now: answer 201. */
        CREATED,
        /** The same order was stored before: answer 200 with it. */
        EXISTING,
        /** The transaction code is taken by an order with another amount, currency or customer: 409. */
        CONFLICT
    }

    public CreateResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(order, "order");
    }
}
