package io.resguardo.core.validation;

/**
 * The {@code customer} object of an order request, unvalidated. Each component is {@code null} when the member is
 * absent or JSON {@code null}; see {@link RawValue} for how JSON values map.
 */
public record CustomerInput(
        RawValue email,
        RawValue firstName,
        RawValue lastName,
        RawValue documentType,
        RawValue documentNumber,
        RawValue phone,
        RawValue countryCode) {
}
