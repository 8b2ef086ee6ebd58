package io.resguardo.core.redact;

/** Escaping of control characters for single-line log fields; see {@link Redactor#escapeControl(String, int)}. */
final class LogText {
    static final int MIN_MAX_CHARS = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    static String escape(String text, int maxChars) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("maxChars must be at least " + MIN_MAX_CHARS);
        }
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + Redactor.TRUNCATED.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width = 1;
            String escaped = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 2;
            } else {
                escaped = escapeOf(c);
            }
            int added = escaped != null ? escaped.length() : width;
            if (out.length() + added > maxChars) {
                return out.append(Redactor.TRUNCATED).toString();
            }
            if (escaped != null) {
                out.append(escaped);
            } else {
                out.append(text, i, i + width);
            }
            i += width;
        }
        return out.toString();
    }

    /** The escape for one char, or {@code null} when it is safe as is. */
    private static String escapeOf(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return needsEscape(c) ? unicodeEscape(c) : null;
        }
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || Character.isSurrogate(c);
    }

    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[(c >> 12) & 0xf], HEX[(c >> 8) & 0xf], HEX[(c >> 4) & 0xf],
                HEX[c & 0xf]});
    }
}
