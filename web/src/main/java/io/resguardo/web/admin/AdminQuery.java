package io.resguardo.web.admin;

import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;
import io.resguardo.core.validation.ValidationException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of the admin API, read strictly: every problem is collected and answered as one
 * {@code 422 VALIDATION_FAILED} naming the fields; a parameter given twice is an error; an empty one counts as
 * absent. Messages never quote the value sent.
 */
final class AdminQuery {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final HttpServletRequest request;
    private final List<FieldError> errors = new ArrayList<>();

    AdminQuery(HttpServletRequest request) {
        this.request = request;
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    int limit() {
        Optional<String> text = single("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit = DIGITS.matcher(text.get()).matches() ? Integer.parseInt(text.get()) : 0;
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", FieldErrorCode.OUT_OF_RANGE,
                    "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
        return limit;
    }

    /** A parameter naming one constant of {@code type}, exactly as spelt there. */
    <E extends Enum<E>> Optional<E> constant(String name, Class<E> type) {
        Optional<String> text = single(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        errors.add(new FieldError(name, FieldErrorCode.NOT_ALLOWED, "must be one of " + Arrays.stream(
                type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return Optional.empty();
    }

    /** An identifier such as a CIP: 1 to 64 of {@code [A-Za-z0-9._-]}. */
    Optional<String> identifier(String name) {
        Optional<String> text = single(name);
        if (text.isPresent() && !IDENTIFIER.matcher(text.get()).matches()) {
            errors.add(new FieldError(name, FieldErrorCode.INVALID_FORMAT, "must be 1 to 64 of A-Z a-z 0-9 . _ -"));
            return Optional.empty();
        }
        return text;
    }

    /** @throws ValidationException when any parameter read so far was invalid */
    void check() throws ValidationException {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Optional<String> single(String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.length > 1) {
            errors.add(new FieldError(name, FieldErrorCode.NOT_ALLOWED, "must be given at most once"));
            return Optional.empty();
        }
        return values[0].isEmpty() ? Optional.empty() : Optional.of(values[0]);
    }
}
