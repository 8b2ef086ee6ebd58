package io.resguardo.sql.payment;

import io.resguardo.sql.order.OrderStatus;

import java.util.Optional;

/** The PagoEfectivo events Resguardo acts on, the order state each leads to, and the shop event it raises. */
public enum PaymentEvent {
    /** The CIP was paid: the documented event. */
    PAID("cip.paid", OrderStatus.PAID, "payment.succeeded"),
    /** The CIP expired unpaid. */
    EXPIRED("cip.expired", OrderStatus.EXPIRED, "payment.expired"),
    /** The CIP was deleted unpaid. */
    DELETED("cip.deleted", OrderStatus.CANCELLED, "payment.cancelled");

    private final String eventType;
    private final OrderStatus target;
    private final String shopEventType;

    PaymentEvent(String eventType, OrderStatus target, String shopEventType) {
        this.eventType = eventType;
        this.target = target;
        this.shopEventType = shopEventType;
    }

    /** PagoEfectivo's {@code eventType}. */
    public String eventType() {
        return eventType;
    }

    public OrderStatus target() {
        return target;
    }

    /** The Standard Webhooks event type sent to the shop (CONTRACT section 5). */
    public String shopEventType() {
        return shopEventType;
    }

    /** The event for PagoEfectivo's {@code eventType}, exactly as spelled there. */
    public static Optional<PaymentEvent> fromEventType(String eventType) {
        for (PaymentEvent e : values()) {
            if (e.eventType.equals(eventType)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The event whose effect is {@code status}, if any ({@code FAILED} has none). */
    public static Optional<PaymentEvent> leadingTo(OrderStatus status) {
        for (PaymentEvent e : values()) {
            if (e.target == status) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
