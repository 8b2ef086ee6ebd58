package io.resguardo.web.api;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.sql.payment.PaymentLedger;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.CipRequest;
import io.resguardo.web.pagoefectivo.CreatedCip;
import io.resguardo.web.pagoefectivo.PagoEfectivoClient;
import io.resguardo.web.pagoefectivo.PagoEfectivoException;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks PagoEfectivo (or the built-in sandbox over HTTPS) for the CIP through {@link PagoEfectivoClient}.
 *
 * <p>The attempt is recorded before the request leaves, so an attempt whose answer never comes stays visible. Then:
 * <ul>
 *   <li>a CIP: stored on the order ({@code 201});</li>
 *   <li>PagoEfectivo unreachable, failing after the client's retries, refusing our credentials, or an outcome that
 *       is unknown (sent, no answer): the order stays {@code PENDING} for the reconciler and the shop gets
 *       {@code 502 UPSTREAM_UNAVAILABLE}. A creation whose outcome is unknown is never repeated blindly;</li>
 *   <li>PagoEfectivo refused a field: the order moves to {@code FAILED} (no CIP will ever come for it; the audit log
 *       says why) and the shop gets {@code 422} naming the field, to fix and send under a new transaction code.</li>
 * </ul>
 */
public final class PagoEfectivoCipIssuer implements CipIssuer {
    private final OrderStore orders;
    private final PaymentLedger ledger;
    private final PagoEfectivoClient client;
    private final SafeLog log;

    public PagoEfectivoCipIssuer(OrderStore orders, PaymentLedger ledger, PagoEfectivoClient client, SafeLog log) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.client = Objects.requireNonNull(client, "client");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Order issue(Order order, URI deploymentBase) throws ResguardoException {
        orders.recordCipAttempt(order.id());
        CreatedCip created;
        try {
            created = client.createCip(CipRequest.from(order));
        } catch (PagoEfectivoException e) {
            if (e.kind() == PagoEfectivoException.Kind.REJECTED) {
                ledger.resolve(order.id(), OrderStatus.FAILED, "pagoefectivo", Optional.empty(), "cip_refused");
                throw new ValidationException(e.fieldErrors());
            }
            log.warning("CIP for order " + order.id() + " (transaction " + order.transactionCode() + ") not issued: "
                    + e.kind() + "; the order stays PENDING");
            throw new ResguardoException(ErrorCode.UPSTREAM_UNAVAILABLE, "PagoEfectivo did not issue the CIP");
        }
        return orders.assignCip(order.id(), created.cip(), created.cipUrl().toString(), "pagoefectivo");
    }
}
