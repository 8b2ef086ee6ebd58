/**
 * Payment orders: creation idempotent on the transaction code, lookups, the CIP assignment, and the reconciler's
 * leased work queue. {@link io.resguardo.sql.order.OrderStore} is the entry point; state changes caused by payments
 * go through {@link io.resguardo.sql.payment.PaymentLedger}.
 */
package io.resguardo.sql.order;
