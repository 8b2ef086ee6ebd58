package io.resguardo.core.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors during one validation, so that every bad field is reported at once. Not thread-safe. */
final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, FieldErrorCode code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    int size() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    ValidationException toException() {
        return new ValidationException(errors);
    }
}
