package io.resguardo.core.validation;

import io.resguardo.core.redact.Redactor;

import java.util.Objects;

/**
 * A customer's identity document, already validated for its type. {@link #toString()} masks the number.
 *
 * @param type   the document type
 * @param number the document number as submitted (digits, or ASCII letters and digits)
 */
public record IdentityDocument(DocumentType type, String number) {
    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
    }

    @Override
    public String toString() {
        return "IdentityDocument[type=" + type + ", number=" + Redactor.maskKeepingEnds(number) + "]";
    }
}
