package io.resguardo.core.validation;

import io.resguardo.core.redact.Redactor;

import java.util.Objects;
import java.util.Optional;

/**
 * The validated customer of an order. {@link #toString()} masks the e-mail, the phone and the document number.
 *
 * @param email       the e-mail address as submitted
 * @param firstName   first name (at most 30 code points), empty when not given
 * @param lastName    last name (at most 30 code points), empty when not given
 * @param document    identity document, empty when not given
 * @param phone       6 to 15 digits, without the country code
 * @param countryCode {@code +} and 1 to 4 digits
 */
public record Customer(
        String email,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<IdentityDocument> document,
        String phone,
        String countryCode) {

    public Customer {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(countryCode, "countryCode");
    }

    @Override
    public String toString() {
        return "Customer[email=" + Redactor.maskEmail(email)
                + ", firstName=" + firstName.orElse("")
                + ", lastName=" + lastName.orElse("")
                + ", document=" + document.map(IdentityDocument::toString).orElse("none")
                + ", phone=" + Redactor.maskKeepingEnds(phone)
                + ", countryCode=" + countryCode + "]";
    }
}
