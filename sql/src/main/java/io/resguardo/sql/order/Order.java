package io.resguardo.sql.order;

import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored order. {@link #toString()} masks the customer's personal data (the core {@link Customer} does).
 *
 * @param id the database's identifier, internal
 * @param cip the PagoEfectivo payment code once issued
 * @param operationNumber PagoEfectivo's operation number of the payment, once paid
 * @param cipAttempts how many times a CIP was asked for (an attempt whose outcome is unknown stays counted)
 */
public record Order(
        long id,
        String transactionCode,
        BigDecimal amount,
        Currency currency,
        String paymentConcept,
        Instant expiresAt,
        Customer customer,
        OrderStatus status,
        Optional<String> cip,
        Optional<String> cipUrl,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> paidAt,
        Optional<String> operationNumber,
        int cipAttempts) {

    public Order {
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paymentConcept, "paymentConcept");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cip, "cip");
        Objects.requireNonNull(cipUrl, "cipUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(operationNumber, "operationNumber");
    }
}
