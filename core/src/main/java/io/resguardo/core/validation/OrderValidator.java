package io.resguardo.core.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Validates an order request against CONTRACT.md section 3.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Every field is checked and every error reported at once, each with a dotted field path and a stable
 *       {@link FieldErrorCode}; a field has at most one error.</li>
 *   <li>No input makes it throw anything but {@link ValidationException}: no parsing exception escapes, and
 *       oversized values are rejected by their length before any parsing.</li>
 *   <li>No error message echoes a submitted value, so e-mails, phones and document numbers never reach a response or
 *       a log through it.</li>
 *   <li>"Now" comes from the injected {@link Clock} only.</li>
 * </ul>
 * Rules, beyond those spelled out in the contract: an empty or blank string counts as absent; amounts follow
 * {@link Amounts}; {@code expiresAt} must be ISO-8601 with an offset ({@code 2026-12-01T21:00:00-05:00} or
 * {@code ...Z}), strictly after now and at most exactly 30 days after now; {@code paymentConcept} and names count code
 * points and refuse control and format characters; currency and document type are exact and upper case.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrderValidator {
    /** How far ahead {@code expiresAt} may lie. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(30);
    static final int MAX_TRANSACTION_CODE = 36;
    static final int MAX_PAYMENT_CONCEPT = 50;
    // The longest ISO offset date-time is well under this; longer input is refused before it reaches the parser.
    private static final int MAX_DATE_TIME_LENGTH = 64;

    private final Clock clock;

    /** A validator reading "now" from {@code clock}. */
    public OrderValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates {@code input}.
     *
     * @return the typed order
     * @throws ValidationException listing every field error found
     */
    public ValidOrder validate(OrderInput input) throws ValidationException {
        Objects.requireNonNull(input, "input");
        FieldErrors errors = new FieldErrors();
        String transactionCode = transactionCode(input.transactionCode(), errors);
        BigDecimal amount = Amounts.check("amount", input.amount(), errors);
        Currency currency = currency(input.currency(), errors);
        String paymentConcept = Texts.freeText("paymentConcept",
                Texts.required("paymentConcept", input.paymentConcept(), errors), MAX_PAYMENT_CONCEPT, errors);
        OffsetDateTime expiresAt = expiresAt(input.expiresAt(), errors);
        Customer customer = customer(input, errors);
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        return new ValidOrder(transactionCode, amount, currency, paymentConcept, expiresAt, customer);
    }

    private static String transactionCode(RawValue value, FieldErrors errors) {
        String field = "transactionCode";
        String code = Texts.required(field, value, errors);
        if (code == null) {
            return null;
        }
        if (code.length() > MAX_TRANSACTION_CODE) {
            errors.add(field, FieldErrorCode.TOO_LONG, "must be at most " + MAX_TRANSACTION_CODE + " characters");
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(Texts.isAsciiAlphanumeric(c) || c == '-' || c == '_')) {
                errors.add(field, FieldErrorCode.INVALID_FORMAT, "must contain only A-Z, a-z, 0-9, - and _");
                return null;
            }
        }
        return code;
    }

    private static Currency currency(RawValue value, FieldErrors errors) {
        String text = Texts.required("currency", value, errors);
        if (text == null) {
            return null;
        }
        for (Currency currency : Currency.values()) {
            if (currency.name().equals(text)) {
                return currency;
            }
        }
        errors.add("currency", FieldErrorCode.NOT_ALLOWED, "must be PEN or USD");
        return null;
    }

    private OffsetDateTime expiresAt(RawValue value, FieldErrors errors) {
        String field = "expiresAt";
        String text = Texts.required(field, value, errors);
        if (text == null) {
            return null;
        }
        OffsetDateTime expiresAt = text.length() <= MAX_DATE_TIME_LENGTH ? parseOffsetDateTime(text) : null;
        if (expiresAt == null) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT,
                    "must be an ISO-8601 date-time with offset, such as 2026-12-01T21:00:00-05:00");
            return null;
        }
        Instant now = clock.instant();
        Instant instant = expiresAt.toInstant();
        if (!instant.isAfter(now) || instant.isAfter(now.plus(MAX_EXPIRY))) {
            errors.add(field, FieldErrorCode.OUT_OF_RANGE, "must be in the future and at most 30 days ahead");
            return null;
        }
        return expiresAt;
    }

    private static OffsetDateTime parseOffsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Customer customer(OrderInput input, FieldErrors errors) {
        if (input.customerNotObject()) {
            errors.add("customer", FieldErrorCode.WRONG_TYPE, "must be a JSON object");
            return null;
        }
        if (input.customer() == null) {
            errors.add("customer", FieldErrorCode.REQUIRED, "is required");
            return null;
        }
        return CustomerRules.check(input.customer(), errors);
    }
}
