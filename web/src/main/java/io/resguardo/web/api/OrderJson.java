package io.resguardo.web.api;

import io.resguardo.core.validation.Customer;
import io.resguardo.sql.order.Order;
import io.resguardo.web.http.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An order as the shop API returns it (CONTRACT section 3). Times are ISO-8601 in Lima time ({@code -05:00}, the
 * offset PagoEfectivo uses); the amount is a string with two decimals ({@code "150.00"}) so no client reads money
 * through a float; absent values are JSON {@code null}. The customer is the shop's own data, returned to the
 * authenticated shop only (and to operators through the admin API).
 */
public final class OrderJson {
    static final ZoneOffset LIMA = ZoneOffset.ofHours(-5);

    private OrderJson() {
    }

    public static JsonObject of(Order order) {
        Customer c = order.customer();
        JsonObjectBuilder customer = JsonBuilders.object().add("email", c.email());
        optional(customer, "firstName", c.firstName());
        optional(customer, "lastName", c.lastName());
        optional(customer, "documentType", c.document().map(d -> d.type().name()));
        optional(customer, "documentNumber", c.document().map(d -> d.number()));
        customer.add("phone", c.phone()).add("countryCode", c.countryCode());
        JsonObjectBuilder json = JsonBuilders.object()
                .add("transactionCode", order.transactionCode())
                .add("amount", order.amount().toPlainString())
                .add("currency", order.currency().name())
                .add("paymentConcept", order.paymentConcept())
                .add("expiresAt", time(order.expiresAt()))
                .add("customer", customer)
                .add("status", order.status().name());
        optional(json, "cip", order.cip());
        optional(json, "cipUrl", order.cipUrl());
        json.add("createdAt", time(order.createdAt()));
        optional(json, "paidAt", order.paidAt().map(OrderJson::time));
        optional(json, "operationNumber", order.operationNumber());
        return json.build();
    }

    private static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LIMA).toString();
    }

    private static void optional(JsonObjectBuilder json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.add(name, value.get());
        } else {
            json.addNull(name);
        }
    }
}
