package io.resguardo.web.sandbox;

import io.resguardo.web.pagoefectivo.CipState;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of a CIP's state (search entries, the CIP page) and the small HTML page {@code cipUrl} shows. */
final class CipView {
    private CipView() {
    }

    /**
     * {@code {"cip","status","currency","amount","transactionCode","dateExpiry"}}, plus {@code operationNumber} and
     * {@code paidDate} when paid. {@code cip} is a JSON number, as PagoEfectivo writes CIPs in its API answers.
     */
    static JsonObjectBuilder state(Cip cip, Instant now) {
        JsonObjectBuilder state = Json.createObjectBuilder()
                .add("cip", Long.parseLong(cip.number()))
                .add("status", cip.statusAt(now).wireName())
                .add("currency", cip.currency())
                .add("amount", cip.amount())
                .add("transactionCode", cip.transactionCode())
                .add("dateExpiry", Authorizations.lima(cip.dateExpiry()));
        if (cip.status() == CipStatus.PAID) {
            state.add("operationNumber", cip.operationNumber()).add("paidDate", Authorizations.lima(cip.paidAt()));
        }
        return state;
    }

    /** The state as Resguardo's PagoEfectivo client reads it from a search answer. */
    static CipState asState(Cip cip, Instant now) {
        io.resguardo.web.pagoefectivo.CipStatus status = switch (cip.statusAt(now)) {
            case PENDING -> io.resguardo.web.pagoefectivo.CipStatus.PENDING;
            case PAID -> io.resguardo.web.pagoefectivo.CipStatus.PAID;
            case EXPIRED -> io.resguardo.web.pagoefectivo.CipStatus.EXPIRED;
            case DELETED -> io.resguardo.web.pagoefectivo.CipStatus.DELETED;
        };
        boolean paid = cip.status() == CipStatus.PAID;
        return new CipState(cip.number(), status, cip.statusAt(now).wireName(),
                Optional.of(cip.transactionCode()), Optional.of(cip.amount()),
                Optional.of(cip.currency()),
                paid ? Optional.of(cip.operationNumber()) : Optional.empty(),
                paid ? Optional.of(cip.paidAt().atOffset(ZoneOffset.ofHours(-5)))
                        : Optional.empty());
    }

    /** The state and every notification sent for the CIP. */
    static JsonObject page(Cip cip, Instant now, List<Delivery> deliveries) {
        JsonArrayBuilder notifications = Json.createArrayBuilder();
        deliveries.forEach(d -> notifications.add(d.toJson()));
        return state(cip, now).add("notifications", notifications).build();
    }

    /** {@link #page} as a minimal HTML document; every value is escaped. */
    static String html(JsonObject page) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>CIP ")
                .append(escape(page.get("cip").toString()))
                .append(" (sandbox)</title></head><body><h1>CIP ").append(escape(page.get("cip").toString()))
                .append("</h1><p>Sandbox de PagoEfectivo: este CIP no se puede pagar de verdad.</p><table>");
        for (Map.Entry<String, JsonValue> member : page.entrySet()) {
            if (!member.getKey().equals("notifications")) {
                html.append("<tr><th>").append(escape(member.getKey())).append("</th><td>")
                        .append(escape(text(member.getValue()))).append("</td></tr>");
            }
        }
        html.append("</table><h2>Notificaciones</h2><ul>");
        for (JsonValue notification : page.getJsonArray("notifications")) {
            html.append("<li>").append(escape(notification.toString())).append("</li>");
        }
        return html.append("</ul><p>Simular: <code>POST …/pay</code>, <code>POST …/expire</code>, ")
                .append("<code>POST …/delete</code> sobre esta URL, con cuerpo vacío.</p></body></html>")
                .toString();
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) value).getString() : value.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
