package io.resguardo.core.redact;

/** The masked forms of values: {@code ***}, {@code j***@example.com}, {@code 7***2}. */
final class Masks {
    static final String HIDDEN = "***";
    /** Below this many code points, keeping the first and last would show too much of the value. */
    private static final int MIN_KEEP_ENDS = 6;

    private Masks() {
    }

    static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at < 1 || at == value.length() - 1) {
            return HIDDEN;
        }
        return firstCodePoint(value) + HIDDEN + value.substring(at);
    }

    static String keepEnds(String value) {
        if (value.codePointCount(0, value.length()) < MIN_KEEP_ENDS) {
            return HIDDEN;
        }
        return firstCodePoint(value) + HIDDEN + new String(Character.toChars(value.codePointBefore(value.length())));
    }

    static String of(SensitiveKeys.Kind kind, String value) {
        return switch (kind) {
            case EMAIL -> email(value);
            case PHONE, DOCUMENT -> keepEnds(value);
            case SECRET, NONE -> HIDDEN;
        };
    }

    private static String firstCodePoint(String value) {
        return new String(Character.toChars(value.codePointAt(0)));
    }
}
