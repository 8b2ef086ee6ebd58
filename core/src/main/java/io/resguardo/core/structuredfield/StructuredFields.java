package io.resguardo.core.structuredfield;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;

import java.util.Map;
import java.util.Objects;

/**
 * Parses and serializes RFC 8941 structured fields, strictly.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Parsing follows the algorithms of RFC 8941 section 4.2 and is stricter in three ways: a key repeated in a
 *       dictionary or in parameters is an error (RFC 8941 keeps the last one, which lets a proxy and an origin read
 *       different values); byte sequences must be canonical padded base64; decimals are not supported.</li>
 *   <li>Input must be ASCII (non-ASCII is an error, as RFC 8941 requires) and within the given
 *       {@link StructuredFieldLimits}.</li>
 *   <li>Every failure is a {@link ResguardoException} with the code the caller passes; no input produces an
 *       unchecked exception. Messages name the field and the position, never echo the value.</li>
 *   <li>Serialization is canonical (RFC 8941 section 4.1): parsing and serializing a canonical value gives back
 *       the same text.</li>
 * </ul>
 */
public final class StructuredFields {
    /** The largest integer magnitude RFC 8941 allows (15 decimal digits). */
    public static final long MAX_INTEGER = 999_999_999_999_999L;
    /** The longest key accepted. */
    public static final int MAX_KEY_LENGTH = 64;

    private StructuredFields() {
    }

    /**
     * Parses a dictionary field value (the field's lines already joined with a comma).
     *
     * @param value the field value
     * @param limits bounds on length and counts
     * @param code the error code to reject with
     * @param fieldName the field's name, for messages
     * @return the members in order of appearance, unmodifiable; empty for an empty (or all-space) value
     * @throws ResguardoException with {@code code} when the value is malformed or over a limit
     */
    public static Map<String, Member> parseDictionary(String value, StructuredFieldLimits limits, ErrorCode code,
                                                      String fieldName) throws ResguardoException {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fieldName, "fieldName");
        return new Parser(value, limits, code, fieldName).dictionary();
    }

    /** The canonical serialization of an inner list with its parameters. */
    public static String serialize(InnerList list) {
        StringBuilder out = new StringBuilder(64);
        appendInnerList(out, list);
        return out.toString();
    }

    /** The canonical serialization of an item with its parameters. */
    public static String serialize(Item item) {
        StringBuilder out = new StringBuilder(32);
        appendItem(out, item);
        return out.toString();
    }

    /** The canonical serialization of a bare item. */
    public static String serialize(BareItem item) {
        StringBuilder out = new StringBuilder(32);
        appendBareItem(out, item);
        return out.toString();
    }

    /** Appends the canonical serialization of an inner list with its parameters. */
    public static void appendInnerList(StringBuilder out, InnerList list) {
        out.append('(');
        boolean first = true;
        for (Item item : list.items()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            appendItem(out, item);
        }
        out.append(')');
        appendParameters(out, list.parameters());
    }

    /** Appends the canonical serialization of an item with its parameters. */
    public static void appendItem(StringBuilder out, Item item) {
        appendBareItem(out, item.value());
        appendParameters(out, item.parameters());
    }

    /** Appends the canonical serialization of parameters ({@code ;key} for true, {@code ;key=value} otherwise). */
    public static void appendParameters(StringBuilder out, Parameters parameters) {
        for (Parameter p : parameters.list()) {
            out.append(';').append(p.key());
            if (!BareItem.Bool.TRUE.equals(p.value())) {
                out.append('=');
                appendBareItem(out, p.value());
            }
        }
    }

    /** Appends the canonical serialization of a bare item. */
    public static void appendBareItem(StringBuilder out, BareItem item) {
        if (item instanceof BareItem.Int i) {
            out.append(i.value());
        } else if (item instanceof BareItem.Str s) {
            appendString(out, s.value());
        } else if (item instanceof BareItem.Token t) {
            out.append(t.value());
        } else if (item instanceof BareItem.Bytes b) {
            out.append(':').append(b.base64()).append(':');
        } else if (item instanceof BareItem.Bool b) {
            out.append(b.value() ? "?1" : "?0");
        }
    }

    /** Appends an RFC 8941 string: quoted, with backslash escapes for {@code "} and {@code \}. */
    public static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Whether {@code key} is a valid RFC 8941 key of at most {@link #MAX_KEY_LENGTH} characters. */
    public static boolean isKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        char first = key.charAt(0);
        if (!(isLcAlpha(first) || first == '*')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!isKeyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a valid RFC 8941 token. */
    public static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (!(isAlpha(first) || first == '*')) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isTchar(c) || c == ':' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    static boolean isLcAlpha(int c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAlpha(int c) {
        return isLcAlpha(c) || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isKeyChar(int c) {
        return isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    /** Whether {@code c} is an RFC 9110 {@code tchar} (a character allowed in a field name or token). */
    public static boolean isTchar(int c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0 && c > 0;
    }
}
