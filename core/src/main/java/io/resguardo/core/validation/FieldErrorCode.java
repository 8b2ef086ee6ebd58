package io.resguardo.core.validation;

/**
 * Stable codes of field errors (the {@code errors[].code} of a {@code VALIDATION_FAILED} problem). Names never change
 * once released; messages may.
 */
public enum FieldErrorCode {
    /** The field is absent, JSON {@code null}, an empty string or (for text) only white space. */
    REQUIRED,
    /** The JSON type is wrong: a number, boolean, array or object where a string is required, and so on. */
    WRONG_TYPE,
    /** The value does not have the required shape (characters, pattern, plain decimal notation, date-time). */
    INVALID_FORMAT,
    /** Shorter than the minimum length (code points or digits). */
    TOO_SHORT,
    /** Longer than the maximum length (code points or digits). */
    TOO_LONG,
    /** Well formed but outside the allowed range (an amount, an expiry date). */
    OUT_OF_RANGE,
    /** Not one of the allowed values (currency, document type). */
    NOT_ALLOWED,
    /** A RUC whose check digit does not match its first ten digits. */
    INVALID_CHECK_DIGIT,
    /** {@code documentType} without {@code documentNumber}, or the other way round. */
    MISSING_PAIR
}
