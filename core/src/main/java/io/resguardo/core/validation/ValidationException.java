package io.resguardo.core.validation;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input rejected field by field: always {@link ErrorCode#VALIDATION_FAILED}, with every {@link FieldError} found
 * (validation does not stop at the first). The exception message names the rejected fields only, never their values.
 */
public final class ValidationException extends ResguardoException {
    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /**
     * @param errors at least one field error, in the order found
     * @throws IllegalArgumentException when {@code errors} is empty
     */
    public ValidationException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_FAILED, describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** A rejection of a single field. */
    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        return "invalid fields: " + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    }

    /** The field errors, in the order of the fields in the contract; unmodifiable. */
    public List<FieldError> errors() {
        return errors;
    }
}
