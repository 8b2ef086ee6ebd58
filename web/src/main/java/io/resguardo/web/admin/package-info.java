/**
 * The admin surface (CONTRACT section 3): {@link io.resguardo.web.admin.AdminSurface#register} adds the admin filter
 * on {@code /admin/*} (container BASIC authentication through {@code HttpServletRequest.authenticate}, role
 * {@code resguardo-admin}, {@code X-Requested-With: resguardo-admin} on every change, strict CSP), the dashboard
 * ({@code /admin/}: static HTML, CSS and JavaScript from the class path) and the JSON endpoints under
 * {@code /admin/api/}: orders and a check of one order with PagoEfectivo, notifications, outbox and redelivery,
 * audit verification and export, preflight and a summary. {@link io.resguardo.web.admin.Preflight} is the go-live
 * checklist, also logged once at start-up.
 *
 * <p>Choices where the contract is silent:
 * <ul>
 *   <li>Query parameters: {@code limit} 1..500 (default 50); {@code status} exactly as the enum spells it; an empty
 *       parameter counts as absent, one given twice is an error; every problem is one {@code 422} naming the
 *       fields.</li>
 *   <li>Times are Lima time like the shop API's, except in the audit export, which keeps the UTC form the hash chain
 *       covers.</li>
 *   <li>The audit export is JSON lines, one flat object per entry (strings and the integer {@code sequence}), so the
 *       JDK-only core CLI reads it without a JSON library. It has no trailer: compare its entry count with
 *       {@code /admin/api/audit/verify} to detect an export cut short.</li>
 *   <li>Redelivery is recorded in the audit log as {@code outbox.redeliver} by {@code admin:<user>}.</li>
 *   <li>{@code POST /admin/api/orders/{transactionCode}/reconcile} checks one order with PagoEfectivo now through
 *       the reconciler's own rules and ledger path, and answers {@code 200} with the order afterwards, also when
 *       there was nothing to do (not {@code PENDING} any more, or still pending at PagoEfectivo) rather than
 *       {@code 409}: repeating it is harmless and the order in the answer says what happened. {@code 502
 *       UPSTREAM_UNAVAILABLE} when PagoEfectivo could not answer. Each request for a known order is recorded as
 *       {@code order.reconcile_requested} by {@code admin:<user>}; the move itself as the reconciler's.</li>
 *   <li>Rejections and bans in the summary are this node's (in memory); orders and the outbox are every node's.</li>
 *   <li>An allowlist of exactly {@code 0.0.0.0/0} and {@code ::/0} is indistinguishable from {@code *} once parsed,
 *       and is treated as that explicit choice (WARN); a {@code /0} of one family alone is a FAIL.</li>
 * </ul>
 */
package io.resguardo.web.admin;
