package io.resguardo.web.api;

import io.resguardo.core.ResguardoException;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStore;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Sandbox only: issues CIPs locally (8 random digits), as the sandbox's PagoEfectivo would, so that a sandbox
 * deployment works end to end without the network. The bootstrap never installs it when {@code RESGUARDO_ENV} is
 * {@code production}.
 */
public final class SandboxCipIssuer implements CipIssuer {
    private final OrderStore orders;
    private final URI base;
    private final SecureRandom random = new SecureRandom();

    /** @param base where the sandbox's CIP pages live; the CIP URL is {@code base/cips/<cip>} */
    public SandboxCipIssuer(OrderStore orders, URI base) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public Order issue(Order order) throws ResguardoException {
        String cip;
        do {
            cip = Integer.toString(10_000_000 + random.nextInt(90_000_000));
        } while (orders.findByCip(cip).isPresent());
        String prefix = base.toString().endsWith("/") ? base.toString() : base + "/";
        return orders.assignCip(order.id(), cip, prefix + "cips/" + cip, "sandbox");
    }
}
