package io.resguardo.core.validation;

import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The mapping a web layer does from parsed JSON to {@link OrderInput}, exercised on the published shop request. */
class OrderValidatorJsonTest {

    static RawValue raw(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> RawValue.text(((JsonString) value).getString());
            case NUMBER -> RawValue.number(((JsonNumber) value).bigDecimalValue());
            case TRUE, FALSE -> RawValue.wrongType(RawValue.JsonType.BOOLEAN);
            case ARRAY -> RawValue.wrongType(RawValue.JsonType.ARRAY);
            default -> RawValue.wrongType(RawValue.JsonType.OBJECT);
        };
    }

    static OrderInput toInput(String json) {
        JsonObject order;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            order = reader.readObject();
        }
        JsonValue customerValue = order.get("customer");
        boolean isObject = customerValue != null && customerValue.getValueType() == JsonValue.ValueType.OBJECT;
        boolean notObject = customerValue != null && !isObject && customerValue.getValueType() != JsonValue.ValueType.NULL;
        CustomerInput customer = null;
        if (isObject) {
            JsonObject c = customerValue.asJsonObject();
            customer = new CustomerInput(raw(c, "email"), raw(c, "firstName"), raw(c, "lastName"),
                    raw(c, "documentType"), raw(c, "documentNumber"), raw(c, "phone"), raw(c, "countryCode"));
        }
        return new OrderInput(raw(order, "transactionCode"), raw(order, "amount"), raw(order, "currency"),
                raw(order, "paymentConcept"), raw(order, "expiresAt"), customer, notObject);
    }

    private static String publishedBody() {
        return Vectors.load("resguardo-shop-requests.json").getJsonArray("cases").getJsonObject(0)
                .getJsonObject("request").getString("body");
    }

    @Test
    void acceptsThePublishedShopRequestAWeekBeforeItExpires() throws Exception {
        OrderInput input = toInput(publishedBody());
        OffsetDateTime expiry = OffsetDateTime.parse(((RawValue.Text) input.expiresAt()).value());
        OrderValidator validator = new OrderValidator(MutableClock.at(expiry.toInstant().minus(Duration.ofDays(7))));

        ValidOrder order = validator.validate(input);

        assertEquals(expiry, order.expiresAt());
        assertEquals(2, order.amount().scale());
    }

    @Test
    void rejectsAnExponentNumberAndACustomerThatIsNotAnObject() {
        OrderValidator validator = new OrderValidator(MutableClock.at(OffsetDateTime.parse(
                "2026-11-26T10:00:00-05:00").toInstant()));
        OrderInput input = toInput("{\"transactionCode\":\"A-1\",\"amount\":1.5e2,\"currency\":\"PEN\","
                + "\"paymentConcept\":\"x\",\"expiresAt\":\"2026-12-01T21:00:00-05:00\",\"customer\":\"ana\"}");

        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(input));

        assertEquals("invalid fields: amount, customer", e.getMessage());
    }

    @Test
    void finishesOnMegabyteFields() {
        String huge = "9".repeat(1 << 20);
        OrderInputs input = OrderInputs.valid();
        for (String path : new String[] {"transactionCode", "amount", "paymentConcept", "expiresAt", "customer.email",
                "customer.phone", "customer.countryCode", "customer.firstName", "customer.documentNumber"}) {
            input.text(path, huge);
        }
        OrderValidator validator = new OrderValidator(MutableClock.at(OffsetDateTime.parse(
                "2026-11-26T10:00:00-05:00").toInstant()));
        ValidationException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ValidationException.class, () -> validator.validate(input.build())));
        assertEquals(9, e.errors().size());
    }
}
