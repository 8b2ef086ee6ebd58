/**
 * The shop API (CONTRACT sections 3 and 4): {@code POST /api/v1/orders} and {@code GET /api/v1/orders/{code}},
 * authenticated with RFC 9421 HTTP Message Signatures. {@link io.resguardo.web.api.OrdersServlet} is the entry
 * point; asking PagoEfectivo for the CIP goes through a {@link io.resguardo.web.api.CipIssuer}.
 */
package io.resguardo.web.api;
