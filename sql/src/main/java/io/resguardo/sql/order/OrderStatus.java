package io.resguardo.sql.order;

/**
 * An order's state (CONTRACT section 3). The only moves are from {@link #PENDING} to one of the others; nothing
 * leaves a final state. The database enforces this: every move is {@code UPDATE ... WHERE status = 'PENDING'}.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    EXPIRED,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
