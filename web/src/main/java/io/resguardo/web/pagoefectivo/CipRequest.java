package io.resguardo.web.pagoefectivo;

import io.resguardo.core.redact.Redactor;
import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.sql.order.Order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CIP is created from (CONTRACT.md section 2), in our terms; {@link PagoEfectivoClient} turns it into
 * PagoEfectivo's field names. {@link #toString()} masks the e-mail addresses, the phone and the document number.
 *
 * @param currency        {@code currency}
 * @param amount          {@code amount}: positive, at most 2 decimals; held and sent with exactly 2 ({@code 150.00})
 * @param transactionCode {@code transactionCode}: 1 to 36 characters
 * @param expiresAt       {@code dateExpiry}
 * @param paymentConcept  {@code paymentConcept}: 1 to 50 code points
 * @param additionalData  {@code additionalData}: at most 200 code points
 * @param adminEmail      {@code adminEmail}: the merchant's address PagoEfectivo copies, when configured
 * @param customer        {@code userEmail}, {@code userName}, {@code userLastName}, {@code userDocumentType},
 *                        {@code userDocumentNumber}, {@code userPhone}, {@code userCodeCountry}
 */
public record CipRequest(
        Currency currency,
        BigDecimal amount,
        String transactionCode,
        Instant expiresAt,
        String paymentConcept,
        Optional<String> additionalData,
        Optional<String> adminEmail,
        Customer customer) {
    static final int MAX_TRANSACTION_CODE = 36;
    static final int MAX_PAYMENT_CONCEPT = 50;
    static final int MAX_ADDITIONAL_DATA = 200;
    static final int MAX_NAME = 30;

    /**
     * @throws IllegalArgumentException when a value breaks PagoEfectivo's limits; orders are validated long before
     *                                  they get here, so this is a programming error, not a shop's mistake
     */
    public CipRequest {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(paymentConcept, "paymentConcept");
        Objects.requireNonNull(additionalData, "additionalData");
        Objects.requireNonNull(adminEmail, "adminEmail");
        Objects.requireNonNull(customer, "customer");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be positive with at most 2 decimals");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        requireLength("transactionCode", transactionCode, 1, MAX_TRANSACTION_CODE);
        requireLength("paymentConcept", paymentConcept, 1, MAX_PAYMENT_CONCEPT);
        additionalData.ifPresent(text -> requireLength("additionalData", text, 0, MAX_ADDITIONAL_DATA));
        adminEmail.ifPresent(text -> requireLength("adminEmail", text.strip(), 1, Integer.MAX_VALUE));
        customer.firstName().ifPresent(text -> requireLength("customer.firstName", text, 0, MAX_NAME));
        customer.lastName().ifPresent(text -> requireLength("customer.lastName", text, 0, MAX_NAME));
    }

    /** The CIP request for a stored order, without additional data, copying {@code adminEmail} when not null. */
    public static CipRequest from(Order order, String adminEmail) {
        Objects.requireNonNull(order, "order");
        return new CipRequest(order.currency(), order.amount(), order.transactionCode(), order.expiresAt(),
                order.paymentConcept(), Optional.empty(), Optional.ofNullable(adminEmail), order.customer());
    }

    /** The CIP request for a stored order, without additional data or admin e-mail. */
    public static CipRequest from(Order order) {
        return from(order, null);
    }

    private static void requireLength(String name, String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + " characters, was " + length);
        }
    }

    @Override
    public String toString() {
        return "CipRequest[currency=" + currency + ", amount=" + amount.toPlainString()
                + ", transactionCode=" + transactionCode + ", expiresAt=" + expiresAt
                + ", paymentConcept=" + paymentConcept
                + ", additionalData=" + (additionalData.isPresent() ? "present" : "none")
                + ", adminEmail=" + adminEmail.map(Redactor::maskEmail).orElse("none")
                + ", customer=" + customer + "]";
    }
}
