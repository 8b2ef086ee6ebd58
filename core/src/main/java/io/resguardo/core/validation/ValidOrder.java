package io.resguardo.core.validation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An order request that passed {@link OrderValidator}: every value typed and within the limits of CONTRACT.md
 * section 3. {@code toString()} masks personal data through {@link Customer#toString()}.
 *
 * @param transactionCode 1 to 36 of {@code [A-Za-z0-9_-]}
 * @param amount          greater than zero, at most {@link Amounts#MAX}, always with scale 2 ({@code 150.00})
 * @param currency        the currency
 * @param paymentConcept  1 to 50 code points, no control characters
 * @param expiresAt       the expiry with the offset the shop sent
 * @param customer        the customer
 */
public record ValidOrder(
        String transactionCode,
        BigDecimal amount,
        Currency currency,
        String paymentConcept,
        OffsetDateTime expiresAt,
        Customer customer) {

    public ValidOrder {
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paymentConcept, "paymentConcept");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(customer, "customer");
        if (amount.scale() != Amounts.SCALE || amount.signum() <= 0 || amount.compareTo(Amounts.MAX) > 0) {
            throw new IllegalArgumentException("amount must be positive, at most " + Amounts.MAX + ", with scale 2");
        }
    }
}
