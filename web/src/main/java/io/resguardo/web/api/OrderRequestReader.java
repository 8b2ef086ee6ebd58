package io.resguardo.web.api;

import io.resguardo.core.validation.CustomerInput;
import io.resguardo.core.validation.OrderInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import static io.resguardo.web.http.JsonFields.raw;

/** Maps an order request body to core's unvalidated {@link OrderInput}; the core validator judges every field. */
final class OrderRequestReader {
    private OrderRequestReader() {
    }

    static OrderInput read(JsonObject body) {
        JsonValue customerValue = body.get("customer");
        boolean notObject = customerValue != null && customerValue.getValueType() != JsonValue.ValueType.NULL
                && customerValue.getValueType() != JsonValue.ValueType.OBJECT;
        CustomerInput customer = null;
        if (customerValue != null && customerValue.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject c = customerValue.asJsonObject();
            customer = new CustomerInput(raw(c, "email"), raw(c, "firstName"), raw(c, "lastName"),
                    raw(c, "documentType"), raw(c, "documentNumber"), raw(c, "phone"), raw(c, "countryCode"));
        }
        return new OrderInput(raw(body, "transactionCode"), raw(body, "amount"), raw(body, "currency"),
                raw(body, "paymentConcept"), raw(body, "expiresAt"), customer, notObject);
    }
}
