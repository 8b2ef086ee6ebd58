package io.resguardo.core.validation;

import java.io.Serializable;
import java.util.Objects;

/**
 * One rejected field.
 *
 * @param field   dotted path of the field, as in the JSON document ({@code amount}, {@code customer.documentNumber})
 * @param code    stable code of the rule that failed
 * @param message human-readable explanation; never contains the submitted e-mail, phone or document number (the
 *                validator's messages never echo submitted values at all)
 */
public record FieldError(String field, FieldErrorCode code, String message) implements Serializable {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (field.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
    }
}
