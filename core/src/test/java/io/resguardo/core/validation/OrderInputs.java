package io.resguardo.core.validation;

import java.util.HashMap;
import java.util.Map;

/** A valid order request whose fields tests replace one by one, by dotted path. */
final class OrderInputs {
    static final String EMAIL = "ana.quispe@example.com";
    static final String PHONE = "987654321";
    static final String DNI = "45781236";

    private final Map<String, RawValue> fields = new HashMap<>();
    private boolean customerAbsent;
    private boolean customerNotObject;

    private OrderInputs() {
        text("transactionCode", "ORD-1001");
        text("amount", "150.00");
        text("currency", "PEN");
        text("paymentConcept", "Pedido 1001");
        text("expiresAt", "2026-12-01T21:00:00-05:00");
        text("customer.email", EMAIL);
        text("customer.firstName", "Ana");
        text("customer.lastName", "Quispe");
        text("customer.documentType", "DNI");
        text("customer.documentNumber", DNI);
        text("customer.phone", PHONE);
        text("customer.countryCode", "+51");
    }

    static OrderInputs valid() {
        return new OrderInputs();
    }

    OrderInputs text(String path, String value) {
        return set(path, value == null ? null : RawValue.text(value));
    }

    OrderInputs set(String path, RawValue value) {
        fields.put(path, value);
        return this;
    }

    OrderInputs without(String path) {
        return set(path, null);
    }

    OrderInputs withoutCustomer() {
        customerAbsent = true;
        return this;
    }

    OrderInputs customerNotObject() {
        customerNotObject = true;
        return this;
    }

    OrderInput build() {
        CustomerInput customer = customerAbsent || customerNotObject ? null : new CustomerInput(
                fields.get("customer.email"), fields.get("customer.firstName"), fields.get("customer.lastName"),
                fields.get("customer.documentType"), fields.get("customer.documentNumber"),
                fields.get("customer.phone"), fields.get("customer.countryCode"));
        return new OrderInput(fields.get("transactionCode"), fields.get("amount"), fields.get("currency"),
                fields.get("paymentConcept"), fields.get("expiresAt"), customer, customerNotObject);
    }
}
