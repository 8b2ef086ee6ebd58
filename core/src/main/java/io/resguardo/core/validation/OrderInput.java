package io.resguardo.core.validation;

/**
 * An order request as parsed from JSON, unvalidated. Each component is {@code null} when the member is absent or
 * JSON {@code null}; see {@link RawValue} for how JSON values map.
 *
 * @param customer          the nested customer object, {@code null} when absent, JSON {@code null} or not an object
 * @param customerNotObject {@code true} when {@code customer} was present but not a JSON object (a string, number,
 *                          boolean or array); {@code customer} must then be {@code null}
 */
public record OrderInput(
        RawValue transactionCode,
        RawValue amount,
        RawValue currency,
        RawValue paymentConcept,
        RawValue expiresAt,
        CustomerInput customer,
        boolean customerNotObject) {

    public OrderInput {
        if (customerNotObject && customer != null) {
            throw new IllegalArgumentException("a customer that is not a JSON object has no fields");
        }
    }

    /** An order whose {@code customer} member, when present, was a JSON object. */
    public OrderInput(RawValue transactionCode, RawValue amount, RawValue currency, RawValue paymentConcept,
                      RawValue expiresAt, CustomerInput customer) {
        this(transactionCode, amount, currency, paymentConcept, expiresAt, customer, false);
    }
}
