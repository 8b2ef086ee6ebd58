package io.resguardo.core.validation;

/**
 * Reading string fields and checking their characters. Every method adds at most one error per field and returns
 * {@code null} when it adds one. No message echoes the submitted value.
 */
final class Texts {
    private Texts() {
    }

    /** A required string: absent, JSON null, empty or blank is REQUIRED; any other JSON type is WRONG_TYPE. */
    static String required(String field, RawValue value, FieldErrors errors) {
        if (!isPresent(value)) {
            errors.add(field, FieldErrorCode.REQUIRED, "is required");
            return null;
        }
        return string(field, value, errors);
    }

    /** An optional string: {@code null} when absent, empty or blank (no error), WRONG_TYPE for another JSON type. */
    static String optional(String field, RawValue value, FieldErrors errors) {
        return isPresent(value) ? string(field, value, errors) : null;
    }

    /**
     * Whether a member counts as given. Empty and blank strings count as absent: forms commonly send {@code ""} for a
     * field left empty, and such a value is never valid for any field anyway.
     */
    static boolean isPresent(RawValue value) {
        return value != null && !(value instanceof RawValue.Text t && t.value().isBlank());
    }

    private static String string(String field, RawValue value, FieldErrors errors) {
        if (value instanceof RawValue.Text t) {
            return t.value();
        }
        errors.add(field, FieldErrorCode.WRONG_TYPE, "must be a JSON string");
        return null;
    }

    /**
     * Free text of 1..max code points: TOO_LONG above {@code maxCodePoints}; INVALID_FORMAT for control characters
     * (Unicode Cc), format characters such as bidirectional overrides (Cf), line and paragraph separators (Zl, Zp)
     * and unpaired surrogates. These are never meant for a payment concept or a name, and they can forge log lines
     * or reorder what an operator sees.
     */
    static String freeText(String field, String text, int maxCodePoints, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            errors.add(field, FieldErrorCode.TOO_LONG, "must be at most " + maxCodePoints + " characters");
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isForbidden(cp)) {
                errors.add(field, FieldErrorCode.INVALID_FORMAT, "must not contain control or format characters");
                return null;
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    private static boolean isForbidden(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE:
                return true;
            default:
                return false;
        }
    }

    /** Whether every character is an ASCII digit (true for the empty string). */
    static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is an ASCII letter or digit (true for the empty string). */
    static boolean isAsciiAlphanumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isAsciiAlphanumeric(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
