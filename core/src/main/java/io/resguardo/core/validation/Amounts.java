package io.resguardo.core.validation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Amounts in the plain decimal notation of CONTRACT.md section 3, parsed exactly into {@link BigDecimal} (never a
 * {@code double}) and compared by value.
 *
 * <p>The accepted text is {@code 0} or a digit 1-9 followed by digits, optionally followed by {@code .} and one or
 * two digits: {@code 150}, {@code 150.5}, {@code 150.00}, {@code 0.01}. Everything else is
 * {@link FieldErrorCode#INVALID_FORMAT}: a sign ({@code +1}, {@code -1}), an exponent ({@code 1e3}), spaces, a comma
 * ({@code 1,00}), hexadecimal, {@code NaN}, non-ASCII digits, more than two decimals (also {@code 1.230}), and the
 * non-canonical forms {@code 0150.00} (leading zero), {@code 150.} and {@code .5}, which a careful client never sends
 * and which other parsers read differently. A well-formed value that is zero or above {@link #MAX} is
 * {@link FieldErrorCode#OUT_OF_RANGE}.
 *
 * <p>The same rules, cap included, apply to the amount of a PagoEfectivo notification (a JSON number such as
 * {@code 150.00} or {@code 10.5}): an order can never exceed {@link #MAX}, so a notification above it can never match
 * one and is better rejected as malformed than compared.
 */
public final class Amounts {
    /** The largest amount of an order: 999999.99. */
    public static final BigDecimal MAX = new BigDecimal("999999.99");
    /** The scale of every amount this class returns. */
    public static final int SCALE = 2;

    private static final int MAX_INTEGER_DIGITS = 6;
    private static final String FORMAT_MESSAGE =
            "must be plain decimal notation: digits with at most 2 decimals, no sign, exponent, spaces or leading zeros";
    private static final String RANGE_MESSAGE = "must be greater than 0 and at most " + MAX;

    private Amounts() {
    }

    /**
     * Parses an amount given as a JSON string or number.
     *
     * @param field the dotted field name to report errors under
     * @param value the raw value; {@code null} when absent
     * @return the amount with scale 2
     * @throws ValidationException with a single {@link FieldError} for {@code field}
     */
    public static BigDecimal parse(String field, RawValue value) throws ValidationException {
        Objects.requireNonNull(field, "field");
        FieldErrors errors = new FieldErrors();
        BigDecimal amount = check(field, value, errors);
        if (amount == null) {
            throw errors.toException();
        }
        return amount;
    }

    /**
     * Parses the text of an amount (a JSON string's content or a JSON number's literal).
     *
     * @throws ValidationException with a single {@link FieldError} for {@code field}
     */
    public static BigDecimal parse(String field, String text) throws ValidationException {
        return parse(field, text == null ? null : RawValue.text(text));
    }

    /**
     * Whether two amounts are equal in value, whatever their scale ({@code 150.0} equals {@code 150.00}).
     *
     * @throws NullPointerException when either is {@code null}
     */
    public static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a.compareTo(Objects.requireNonNull(b, "b")) == 0;
    }

    /** Adds at most one error for {@code field} and returns {@code null} on error. */
    static BigDecimal check(String field, RawValue value, FieldErrors errors) {
        String text;
        if (value == null) {
            errors.add(field, FieldErrorCode.REQUIRED, "is required");
            return null;
        } else if (value instanceof RawValue.Text t) {
            text = t.value();
        } else if (value instanceof RawValue.Number n) {
            text = n.literal();
        } else {
            errors.add(field, FieldErrorCode.WRONG_TYPE, "must be a JSON string or number");
            return null;
        }
        if (text.isEmpty()) {
            errors.add(field, FieldErrorCode.REQUIRED, "is required");
            return null;
        }
        int integerDigits = digitsFrom(text, 0);
        if (integerDigits == 0 || (integerDigits > 1 && text.charAt(0) == '0')) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT, FORMAT_MESSAGE);
            return null;
        }
        if (integerDigits < text.length()) {
            int decimals = text.charAt(integerDigits) == '.' ? digitsFrom(text, integerDigits + 1) : 0;
            if (decimals == 0 || decimals > SCALE || integerDigits + 1 + decimals != text.length()) {
                errors.add(field, FieldErrorCode.INVALID_FORMAT, FORMAT_MESSAGE);
                return null;
            }
        }
        // Checked on the digit count first, so that a megabyte of digits is never handed to BigDecimal.
        if (integerDigits > MAX_INTEGER_DIGITS) {
            errors.add(field, FieldErrorCode.OUT_OF_RANGE, RANGE_MESSAGE);
            return null;
        }
        BigDecimal amount = new BigDecimal(text).setScale(SCALE);
        if (amount.signum() <= 0) {
            errors.add(field, FieldErrorCode.OUT_OF_RANGE, RANGE_MESSAGE);
            return null;
        }
        return amount;
    }

    /** The number of ASCII digits starting at {@code from}. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
