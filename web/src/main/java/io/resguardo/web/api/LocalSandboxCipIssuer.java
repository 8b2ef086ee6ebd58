package io.resguardo.web.api;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.sql.payment.PaymentLedger;
import io.resguardo.web.sandbox.SandboxServlet;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Sandbox only, when no {@code PAGOEFECTIVO_BASE_URL} is set: the CIP comes from the built-in sandbox in the same
 * WAR, without an HTTP round trip to itself (a container's own certificate is often not one its JVM trusts). The CIP
 * is a real sandbox CIP: {@code /sandbox/cips/{cip}/pay} pays it and the reconciler sees its state. The bootstrap
 * never installs this issuer in production.
 */
public final class LocalSandboxCipIssuer implements CipIssuer {
    private final OrderStore orders;
    private final PaymentLedger ledger;
    private final SandboxServlet sandbox;

    public LocalSandboxCipIssuer(OrderStore orders, PaymentLedger ledger, SandboxServlet sandbox) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public Order issue(Order order, URI deploymentBase) throws ResguardoException {
        orders.recordCipAttempt(order.id());
        SandboxServlet.LocalCip cip;
        try {
            cip = sandbox.issueLocally(order.transactionCode(), order.currency().name(), order.amount(),
                    order.expiresAt(), URI.create(deploymentBase + "/sandbox"));
        } catch (ValidationException e) {
            // Refused for good, as PagoEfectivoCipIssuer does with PagoEfectivo's field errors.
            ledger.resolve(order.id(), OrderStatus.FAILED, "sandbox", Optional.empty(), "cip_refused");
            throw e;
        }
        return orders.assignCip(order.id(), cip.cip(), cip.cipUrl().toString(), "sandbox");
    }
}
