/**
 * {@code POST /webhooks/pagoefectivo}: PagoEfectivo's notifications, verified on their raw bytes, parsed strictly,
 * applied once. {@link io.resguardo.web.webhook.NotificationServlet} is the entry point.
 */
package io.resguardo.web.webhook;
