package io.resguardo.web.api;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.sql.order.Order;

import java.net.URI;

/**
 * The issuer of a deployment that cannot reach PagoEfectivo yet: every order is kept {@code PENDING} without a CIP
 * and the shop gets {@code 502 UPSTREAM_UNAVAILABLE}. Never a made-up CIP.
 */
public final class UnavailableCipIssuer implements CipIssuer {
    @Override
    public Order issue(Order order, URI deploymentBase) throws ResguardoException {
        throw new ResguardoException(ErrorCode.UPSTREAM_UNAVAILABLE, "PagoEfectivo cannot be reached");
    }
}
