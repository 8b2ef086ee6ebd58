package io.resguardo.sql.payment;

/** What a distinct notification did (CONTRACT section 3, admin notifications). */
public enum NotificationOutcome {
    /** It moved the order. */
    ACCEPTED,
    /** Authentic and consistent, but the order already had that effect (the reconciler got there first). */
    DUPLICATE,
    /** Authentic but inconsistent with the order, or for an unknown CIP: recorded, alerted, order untouched. */
    REJECTED
}
