/**
 * The reconciler: resolves pending orders whose PagoEfectivo notification was lost, whose CIP expired or was
 * deleted, or whose CIP creation never completed (CONTRACT section 1, step 5).
 *
 * <p>One pass ({@link io.resguardo.web.reconcile.Reconciler#reconcileDue()}) leases up to 100 due orders for 2
 * minutes ({@code OrderStore.claimDue}; an order is due when its next check time or its expiry has come), searches
 * PagoEfectivo once for all their CIPs ({@link io.resguardo.web.reconcile.CipLookup}) and then, per order:
 * <ul>
 *   <li>CIP reported {@code PAID}: {@code PAID} with PagoEfectivo's operation number, even when the order's expiry
 *       has passed: PagoEfectivo is asked before anything is expired, so a payment made just before the expiry
 *       wins;</li>
 *   <li>{@code EXPIRED}: {@code EXPIRED}; {@code DELETED}: {@code CANCELLED} (audit reason {@code search});</li>
 *   <li>otherwise ({@code PENDING}, a status we do not map, or a CIP absent from the answer), and for orders without
 *       a CIP: {@code EXPIRED} once the order's expiry has passed (audit reason {@code expiry}). An order that never
 *       got its CIP number cannot have been paid: nobody was ever shown a code to pay;</li>
 *   <li>still pending before its expiry: released with the next check a quarter of the order's age from now, at
 *       least 15 minutes and at most 6 hours (about 15 min apart during the first hour, hourly at four hours, four
 *       times a day from a day on). The expiry makes an order due whatever its next check, so expiries are acted
 *       on within one pass interval;</li>
 *   <li>without a CIP and older than 1 hour (its creation failed before a CIP was stored, or its outcome is unknown
 *       after a timeout): left {@code PENDING}, released until its expiry and logged once as a WARNING (the next
 *       look is at the expiry, which expires it). Finding out whether PagoEfectivo issued a CIP for it would need a
 *       search by transaction code, which the PagoEfectivo contract we work from does not define; the CIP is not
 *       created again blindly either.</li>
 * </ul>
 *
 * <p>Every move goes through {@code PaymentLedger.resolve}: one transaction that locks the order row, moves it only
 * from {@code PENDING}, queues the shop event and appends the audit entry, exactly as a notification does. A
 * notification and the reconciler racing on one order therefore have one effect: the second to lock the row finds
 * the order no longer pending and changes nothing. Leases keep nodes off each other's orders; a node that dies
 * mid-pass loses its leases after 2 minutes and another node takes the orders over, and even then the ledger keeps
 * the effect single.
 *
 * <p>When PagoEfectivo cannot answer (any {@code PagoEfectivoException}, or an unexpected failure of the lookup),
 * nothing changes: the orders with a CIP are released for another look in 1 minute, expired or not, and the pass
 * writes one WARNING line naming the failure kind (never a message text, which may echo data). Orders without a CIP
 * need no answer and are handled as usual. An order past its expiry stays due whatever its next check
 * ({@code OrderStore.claimDue}), so during an outage such orders are asked about on every pass (every 30 seconds by
 * default, one search and one WARNING line per pass) until PagoEfectivo answers; they are never expired unasked.
 *
 * <p>{@code start} runs a pass every period (fixed delay; the WAR takes {@code RESGUARDO_RECONCILE_INTERVAL}, default
 * 30 seconds, 1 second to 1 hour) on the caller's scheduler and catches everything a pass throws (a database outage
 * is one WARNING line per pass); {@code stop} cancels it and leaves the executor to its owner. The period only sets
 * how often due orders are looked for: an order's first check still comes 15 minutes after its creation, and its
 * expiry makes it due whatever its next check.
 *
 * <p>{@code reconcile(Order)} is the operator's "check now" (the admin API): one search for that order's CIP and the
 * same rules, through the same ledger path, without a lease and without touching the order's next check. An order
 * without a CIP is never searched (there is nothing to ask by) and is only expired once its expiry has passed.
 *
 * <p>Logs name orders by internal id and transaction code only: no customer data, no CIP URL.
 */
package io.resguardo.web.reconcile;
