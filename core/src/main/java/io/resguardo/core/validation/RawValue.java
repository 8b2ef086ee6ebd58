package io.resguardo.core.validation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One scalar field as it arrived in the JSON document, before validation. Core has no JSON library, so the web layer
 * maps each parsed JSON value to one of these:
 * <ul>
 *   <li>a JSON string: {@link #text(String)};</li>
 *   <li>a JSON number: {@link #number(String)} with its literal text, or {@link #number(BigDecimal)};</li>
 *   <li>a JSON {@code true}, {@code false}, array or object: {@link #wrongType(JsonType)};</li>
 *   <li>an absent member or JSON {@code null}: Java {@code null} (reported as {@link FieldErrorCode#REQUIRED} where
 *       required).</li>
 * </ul>
 * Only {@code amount} accepts a number; every other field requires a string and reports
 * {@link FieldErrorCode#WRONG_TYPE} otherwise.
 *
 * <p>{@code toString()} never prints the value: fields carry e-mails, phones and document numbers.
 */
public sealed interface RawValue permits RawValue.Text, RawValue.Number, RawValue.WrongType {

    /** JSON types that no scalar field of the order accepts. */
    enum JsonType {
        BOOLEAN,
        ARRAY,
        OBJECT
    }

    /** A JSON string, after JSON unescaping. */
    static RawValue text(String value) {
        return new Text(value);
    }

    /** A JSON number, as the literal text found in the document (for example {@code 150.00} or {@code 1e3}). */
    static RawValue number(String literal) {
        return new Number(literal);
    }

    /**
     * A JSON number already parsed by a JSON library. Prefer {@link #number(String)} with the literal: a parsed value
     * no longer tells how it was written. {@link BigDecimal#toString()} keeps a positive exponent ({@code 1e3} becomes
     * {@code 1E+3}, still rejected as not plain), but a negative one that leaves a plain value is lost
     * ({@code 100e-2} becomes {@code 1.00} and is accepted, although the contract forbids exponents). Numbers written
     * plainly keep their scale ({@code 150.0} stays {@code 150.0}).
     */
    static RawValue number(BigDecimal value) {
        return new Number(value.toString());
    }

    /** A JSON value of a type no order field accepts. */
    static RawValue wrongType(JsonType type) {
        return new WrongType(type);
    }

    /** A JSON string. */
    record Text(String value) implements RawValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Text[" + value.length() + " chars]";
        }
    }

    /** A JSON number, by its literal text. */
    record Number(String literal) implements RawValue {
        public Number {
            Objects.requireNonNull(literal, "literal");
        }

        @Override
        public String toString() {
            return "Number[" + literal.length() + " chars]";
        }
    }

    /** A JSON value of the given type, which no scalar field accepts. */
    record WrongType(JsonType type) implements RawValue {
        public WrongType {
            Objects.requireNonNull(type, "type");
        }
    }
}
