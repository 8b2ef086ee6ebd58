/**
 * The transactional outbox of shop events (CONTRACT section 5): written in the transaction that caused the event,
 * claimed by deliverers under a lease, in order per order. {@link io.resguardo.sql.outbox.Outbox} is the entry point.
 */
package io.resguardo.sql.outbox;
