package io.resguardo.web.api;

import io.resguardo.core.ResguardoException;
import io.resguardo.sql.order.Order;

import java.net.URI;

/**
 * Asks PagoEfectivo for the CIP of a new pending order and stores it. Implementations must keep the order whatever
 * happens (it stays {@code PENDING}, visible, for the reconciler), and must never invent a CIP outside the sandbox.
 */
public interface CipIssuer {
    /**
     * @param deploymentBase the URL the shop reached this deployment at ({@code https://host/context}), for a
     *                       CIP URL of the built-in sandbox
     * @return the order with its CIP
     * @throws ResguardoException {@code UPSTREAM_UNAVAILABLE} when PagoEfectivo failed or could not be asked;
     *     {@code VALIDATION_FAILED} ({@link io.resguardo.core.validation.ValidationException}) when it refused a field
     */
    Order issue(Order order, URI deploymentBase) throws ResguardoException;
}
