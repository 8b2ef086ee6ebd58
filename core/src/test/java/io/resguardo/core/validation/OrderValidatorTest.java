package io.resguardo.core.validation;

import io.resguardo.core.ErrorCode;
import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:15:30Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final OrderValidator validator = new OrderValidator(clock);

    @Test
    void acceptsAValidOrderWithTypedValues() throws Exception {
        ValidOrder order = validator.validate(OrderInputs.valid().build());

        assertEquals("ORD-1001", order.transactionCode());
        assertEquals(new BigDecimal("150.00"), order.amount());
        assertEquals(Currency.PEN, order.currency());
        assertEquals("Pedido 1001", order.paymentConcept());
        assertEquals(OffsetDateTime.parse("2026-12-01T21:00:00-05:00"), order.expiresAt());
        assertEquals(OrderInputs.EMAIL, order.customer().email());
        assertEquals(Optional.of("Ana"), order.customer().firstName());
        assertEquals(Optional.of(new IdentityDocument(DocumentType.DNI, OrderInputs.DNI)), order.customer().document());
        assertEquals(OrderInputs.PHONE, order.customer().phone());
        assertEquals("+51", order.customer().countryCode());
    }

    @Test
    void acceptsAnAmountGivenAsAJsonNumberAndNormalizesItsScale() throws Exception {
        ValidOrder order = validator.validate(OrderInputs.valid().set("amount", RawValue.number("150.0")).build());
        assertEquals(new BigDecimal("150.00"), order.amount());
        assertTrue(Amounts.sameAmount(new BigDecimal("150.0"), order.amount()));
    }

    @Test
    void acceptsACustomerWithoutNamesOrDocument() throws Exception {
        ValidOrder order = validator.validate(OrderInputs.valid().without("customer.firstName")
                .text("customer.lastName", "").without("customer.documentType").without("customer.documentNumber")
                .build());
        assertEquals(Optional.empty(), order.customer().firstName());
        assertEquals(Optional.empty(), order.customer().lastName());
        assertEquals(Optional.empty(), order.customer().document());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is accepted")
    @CsvSource(delimiter = '|', value = {
            "transactionCode|A",
            "transactionCode|abcdefghijklmnopqrstuvwxyz-_01234567",
            "amount|0.01",
            "amount|999999.99",
            "currency|USD",
            "paymentConcept|Ñandú 1",
            "expiresAt|2026-11-26T15:15:31Z",
            "expiresAt|2026-12-26T15:15:30Z",
            "expiresAt|2026-12-26T10:15:30-05:00",
            "expiresAt|2026-12-01T21:00-05:00",
            "expiresAt|2026-12-01T21:00:00.123456789+00:00",
            "customer.email|a@b.pe",
            "customer.email|first.last+tag@sub.example.com",
            "customer.email|o'brien@example.co.uk",
            "customer.email|x@xn--80ak6aa92e.xn--p1ai",
            "customer.phone|987654",
            "customer.phone|123456789012345",
            "customer.countryCode|+1",
            "customer.countryCode|+1234",
            "customer.firstName|José María",
            "customer.lastName|abcdefghijklmnopqrstuvwxyzabcd"})
    void acceptsValuesOnTheEdgeOfEachRule(String path, String value) {
        assertDoesNotThrow(() -> validator.validate(OrderInputs.valid().text(path, value).build()));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "transactionCode|abcdefghijklmnopqrstuvwxyz-_012345678|TOO_LONG",
            "transactionCode|ORD 1001|INVALID_FORMAT",
            "transactionCode|ORD/1001|INVALID_FORMAT",
            "transactionCode|ÓRD-1001|INVALID_FORMAT",
            "transactionCode||REQUIRED",
            "amount|0.00|OUT_OF_RANGE",
            "amount|1000000.00|OUT_OF_RANGE",
            "amount|1e3|INVALID_FORMAT",
            "amount|-1|INVALID_FORMAT",
            "amount|+1|INVALID_FORMAT",
            "amount|1.234|INVALID_FORMAT",
            "amount|1,00|INVALID_FORMAT",
            "amount|' 1.00'|INVALID_FORMAT",
            "currency|pen|NOT_ALLOWED",
            "currency|EUR|NOT_ALLOWED",
            "currency|' PEN'|NOT_ALLOWED",
            "paymentConcept|'   '|REQUIRED",
            "expiresAt|2026-11-26T15:15:30Z|OUT_OF_RANGE",
            "expiresAt|2026-11-25T10:00:00-05:00|OUT_OF_RANGE",
            "expiresAt|2026-12-26T15:15:31Z|OUT_OF_RANGE",
            "expiresAt|2026-12-01T21:00:00|INVALID_FORMAT",
            "expiresAt|2026-12-01|INVALID_FORMAT",
            "expiresAt|2026-12-01T21:00:00-05:00[America/Lima]|INVALID_FORMAT",
            "expiresAt|1764600000|INVALID_FORMAT",
            "expiresAt|2026-02-30T21:00:00-05:00|INVALID_FORMAT",
            "customer.email|ana|INVALID_FORMAT",
            "customer.email|ana@|INVALID_FORMAT",
            "customer.email|@example.com|INVALID_FORMAT",
            "customer.email|ana@@example.com|INVALID_FORMAT",
            "customer.email|ana@example|INVALID_FORMAT",
            "customer.email|ana@example.c|INVALID_FORMAT",
            "customer.email|ana..q@example.com|INVALID_FORMAT",
            "customer.email|.ana@example.com|INVALID_FORMAT",
            "customer.email|ana.@example.com|INVALID_FORMAT",
            "customer.email|ana@-example.com|INVALID_FORMAT",
            "customer.email|ana@example..com|INVALID_FORMAT",
            "customer.email|ana quispe@example.com|INVALID_FORMAT",
            "customer.email|\"ana\"@example.com|INVALID_FORMAT",
            "customer.email|añá@example.com|INVALID_FORMAT",
            "customer.email|ana@[127.0.0.1]|INVALID_FORMAT",
            "customer.phone|98765|TOO_SHORT",
            "customer.phone|1234567890123456|TOO_LONG",
            "customer.phone|+51987654321|INVALID_FORMAT",
            "customer.phone|987 654 321|INVALID_FORMAT",
            "customer.phone|98765432a|INVALID_FORMAT",
            "customer.countryCode|51|INVALID_FORMAT",
            "customer.countryCode|+|INVALID_FORMAT",
            "customer.countryCode|+12345|INVALID_FORMAT",
            "customer.countryCode|+5a|INVALID_FORMAT",
            "customer.firstName|abcdefghijklmnopqrstuvwxyzabcde|TOO_LONG",
            "customer.documentType|dni|NOT_ALLOWED",
            "customer.documentType|PASSPORT|NOT_ALLOWED"})
    void rejectsEachRuleWithItsCodeUnderItsDottedPath(String path, String value, FieldErrorCode code) {
        OrderInputs input = value == null ? OrderInputs.valid().without(path) : OrderInputs.valid().text(path, value);
        assertOnlyError(input, path, code);
    }

    static Stream<Arguments> longAndControlTexts() {
        String fiftyEmoji = "\uD83D\uDE00".repeat(50);
        return Stream.of(
                Arguments.of("paymentConcept", "ñ".repeat(50), null),
                Arguments.of("paymentConcept", fiftyEmoji, null),
                Arguments.of("paymentConcept", "ñ".repeat(51), FieldErrorCode.TOO_LONG),
                Arguments.of("paymentConcept", fiftyEmoji + "x", FieldErrorCode.TOO_LONG),
                Arguments.of("paymentConcept", "Pedido\n1001", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("paymentConcept", "Pedido\u001b[31m", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("paymentConcept", "Pedido \u202Etxt", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("paymentConcept", "Pedido \u2028 1001", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("paymentConcept", "Pedido \uD800", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("customer.firstName", "Ana\u0000", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("customer.lastName", "Quispe\t", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("transactionCode", "A".repeat(37), FieldErrorCode.TOO_LONG),
                Arguments.of("transactionCode", "A".repeat(36), null),
                Arguments.of("customer.email", "a".repeat(64) + "@example.com", null),
                Arguments.of("customer.email", "a".repeat(65) + "@example.com", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("customer.email", "a@" + "b".repeat(63) + ".com", null),
                Arguments.of("customer.email", "a@" + "b".repeat(64) + ".com", FieldErrorCode.INVALID_FORMAT),
                Arguments.of("customer.email", "a@" + ("b".repeat(60) + ".").repeat(5) + "pe", FieldErrorCode.TOO_LONG),
                Arguments.of("expiresAt", "2026-12-01T21:00:00-05:00" + " ".repeat(100), FieldErrorCode.INVALID_FORMAT));
    }

    @ParameterizedTest(name = "{0} #{index} gives {2}")
    @MethodSource("longAndControlTexts")
    void countsCodePointsAndRejectsControlAndFormatCharacters(String path, String value, FieldErrorCode code) {
        OrderInputs input = OrderInputs.valid().text(path, value);
        if (code == null) {
            assertDoesNotThrow(() -> validator.validate(input.build()));
        } else {
            assertOnlyError(input, path, code);
        }
    }

    @ParameterizedTest(name = "{0} {1} gives {2}")
    @CsvSource(delimiter = '|', value = {
            "DNI|45781236|",
            "DNI|4578123|INVALID_FORMAT",
            "DNI|457812361|INVALID_FORMAT",
            "DNI|4578123a|INVALID_FORMAT",
            "DNI|４5781236|INVALID_FORMAT",
            "CE|X12345678|",
            "CE|abc123456789|",
            "CE|X1234567|INVALID_FORMAT",
            "CE|X123456789012|INVALID_FORMAT",
            "CE|X-2345678|INVALID_FORMAT",
            "RUC|20100047218|",
            "RUC|20512333797|",
            "RUC|10254824220|",
            "RUC|20100047219|INVALID_CHECK_DIGIT",
            "RUC|20512333798|INVALID_CHECK_DIGIT",
            "RUC|16100047218|INVALID_FORMAT",
            "RUC|2010004721|INVALID_FORMAT",
            "RUC|201000472180|INVALID_FORMAT",
            "RUC|2010004721A|INVALID_FORMAT",
            "PAS|AB123|",
            "PAS|ab1234567890123456cd|",
            "PAS|AB12|INVALID_FORMAT",
            "PAS|ab1234567890123456cde|INVALID_FORMAT",
            "PAS|AB 1234|INVALID_FORMAT"})
    void checksTheDocumentNumberByItsType(String type, String number, FieldErrorCode code) {
        OrderInputs input = OrderInputs.valid().text("customer.documentType", type)
                .text("customer.documentNumber", number);
        if (code == null) {
            ValidOrder order = assertDoesNotThrow(() -> validator.validate(input.build()));
            assertEquals(Optional.of(new IdentityDocument(DocumentType.valueOf(type), number)),
                    order.customer().document());
        } else {
            assertOnlyError(input, "customer.documentNumber", code);
        }
    }

    @Test
    void acceptsGeneratedRucsAndRejectsThemWithAnotherLastDigit() {
        for (String ruc : RucCheckDigitTest.generated()) {
            OrderInputs input = OrderInputs.valid().text("customer.documentType", "RUC");
            assertDoesNotThrow(() -> validator.validate(input.text("customer.documentNumber", ruc).build()));
            String wrong = ruc.substring(0, 10) + (char) ('0' + (ruc.charAt(10) - '0' + 1) % 10);
            assertOnlyError(input.text("customer.documentNumber", wrong), "customer.documentNumber",
                    FieldErrorCode.INVALID_CHECK_DIGIT);
        }
    }

    @Test
    void reportsTheMissingHalfOfADocument() {
        assertOnlyError(OrderInputs.valid().without("customer.documentNumber"), "customer.documentNumber",
                FieldErrorCode.MISSING_PAIR);
        assertOnlyError(OrderInputs.valid().text("customer.documentNumber", ""), "customer.documentNumber",
                FieldErrorCode.MISSING_PAIR);
        assertOnlyError(OrderInputs.valid().without("customer.documentType"), "customer.documentType",
                FieldErrorCode.MISSING_PAIR);
    }

    @Test
    void reportsWrongJsonTypes() {
        assertOnlyError(OrderInputs.valid().set("currency", RawValue.number("1")), "currency",
                FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().set("customer.phone", RawValue.number("987654321")), "customer.phone",
                FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().set("customer.email", RawValue.wrongType(RawValue.JsonType.ARRAY)),
                "customer.email", FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().set("amount", RawValue.wrongType(RawValue.JsonType.BOOLEAN)), "amount",
                FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().set("customer.documentType", RawValue.wrongType(RawValue.JsonType.OBJECT)),
                "customer.documentType", FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().customerNotObject(), "customer", FieldErrorCode.WRONG_TYPE);
        assertOnlyError(OrderInputs.valid().withoutCustomer(), "customer", FieldErrorCode.REQUIRED);
    }

    @Test
    void collectsEveryFieldErrorAtOnceInContractOrder() {
        OrderInput input = OrderInputs.valid()
                .text("transactionCode", "bad code")
                .text("amount", "1e3")
                .text("currency", "EUR")
                .without("paymentConcept")
                .text("expiresAt", "2020-01-01T00:00:00Z")
                .text("customer.email", "not-an-email")
                .text("customer.firstName", "x".repeat(31))
                .text("customer.documentType", "RUC")
                .text("customer.documentNumber", "20100047219")
                .text("customer.phone", "123")
                .text("customer.countryCode", "51")
                .build();

        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(input));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of(
                        new FieldError("transactionCode", FieldErrorCode.INVALID_FORMAT, ""),
                        new FieldError("amount", FieldErrorCode.INVALID_FORMAT, ""),
                        new FieldError("currency", FieldErrorCode.NOT_ALLOWED, ""),
                        new FieldError("paymentConcept", FieldErrorCode.REQUIRED, ""),
                        new FieldError("expiresAt", FieldErrorCode.OUT_OF_RANGE, ""),
                        new FieldError("customer.email", FieldErrorCode.INVALID_FORMAT, ""),
                        new FieldError("customer.firstName", FieldErrorCode.TOO_LONG, ""),
                        new FieldError("customer.documentNumber", FieldErrorCode.INVALID_CHECK_DIGIT, ""),
                        new FieldError("customer.phone", FieldErrorCode.TOO_SHORT, ""),
                        new FieldError("customer.countryCode", FieldErrorCode.INVALID_FORMAT, "")),
                e.errors().stream().map(f -> new FieldError(f.field(), f.code(), "")).toList());
        assertEquals("invalid fields: transactionCode, amount, currency, paymentConcept, expiresAt, customer.email, "
                + "customer.firstName, customer.documentNumber, customer.phone, customer.countryCode", e.getMessage());
    }

    @Test
    void reportsEveryRequiredFieldOfAnEmptyRequest() {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(
                new OrderInput(null, null, null, null, null,
                        new CustomerInput(null, null, null, null, null, null, null))));
        assertEquals(List.of("transactionCode", "amount", "currency", "paymentConcept", "expiresAt", "customer.email",
                "customer.phone", "customer.countryCode"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().stream().allMatch(f -> f.code() == FieldErrorCode.REQUIRED));
    }

    @Test
    void neverEchoesTheEmailPhoneOrDocumentNumberInErrors() {
        String email = "ana.quispe@example";
        String phone = "98765432109876543";
        String document = "20100047219";
        OrderInput input = OrderInputs.valid().text("customer.email", email).text("customer.phone", phone)
                .text("customer.documentType", "RUC").text("customer.documentNumber", document).build();

        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(input));

        assertEquals(3, e.errors().size());
        for (String secret : List.of(email, phone, document, "ana.quispe", "98765432", "2010004721")) {
            assertFalse(e.getMessage().contains(secret));
            assertTrue(e.errors().stream().noneMatch(f -> f.message().contains(secret) || f.toString().contains(secret)),
                    secret);
        }
    }

    @Test
    void masksPersonalDataInToString() throws Exception {
        ValidOrder order = validator.validate(OrderInputs.valid().build());
        String text = order.toString() + OrderInputs.valid().build();

        assertFalse(text.contains(OrderInputs.EMAIL), text);
        assertFalse(text.contains(OrderInputs.PHONE), text);
        assertFalse(text.contains(OrderInputs.DNI), text);
        assertTrue(order.customer().toString().contains("a***@example.com"), order.customer().toString());
        assertTrue(order.customer().toString().contains("9***1"));
        assertTrue(order.customer().toString().contains("4***6"));
    }

    @Test
    void judgesTheExpiryAgainstTheInjectedClock() throws Exception {
        OrderInput input = OrderInputs.valid().text("expiresAt", "2026-11-26T16:15:30Z").build();
        validator.validate(input);

        clock.advance(Duration.ofHours(1));

        assertOnlyError(input, "expiresAt", FieldErrorCode.OUT_OF_RANGE);
    }

    @Test
    void rejectsAValidOrderWithAScaleOtherThanTwo() {
        assertThrows(IllegalArgumentException.class, () -> new ValidOrder("A", new BigDecimal("1.0"), Currency.PEN,
                "x", OffsetDateTime.parse("2026-12-01T21:00:00-05:00"),
                new Customer("a@b.pe", Optional.empty(), Optional.empty(), Optional.empty(), "987654", "+51")));
    }

    private void assertOnlyError(OrderInputs input, String path, FieldErrorCode code) {
        assertOnlyError(input.build(), path, code);
    }

    private void assertOnlyError(OrderInput input, String path, FieldErrorCode code) {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(input));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of(path), e.errors().stream().map(FieldError::field).toList());
        assertEquals(code, e.errors().get(0).code());
        assertFalse(e.errors().get(0).message().isBlank());
    }
}
