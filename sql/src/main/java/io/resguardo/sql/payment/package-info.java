/**
 * Payment state changes with exactly-once effect: PagoEfectivo notifications and the reconciler's findings.
 * {@link io.resguardo.sql.payment.PaymentLedger} is the entry point; each change is one transaction that records
 * the notification, moves the order, queues the shop event and appends to the audit log.
 */
package io.resguardo.sql.payment;
