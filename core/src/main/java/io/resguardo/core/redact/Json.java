package io.resguardo.core.redact;

import io.resguardo.core.internal.Hex;

/** JSON string escaping and unescaping, for the redaction of JSON documents. */
final class Json {
    private Json() {
    }

    /** The content of a JSON string literal for {@code text}: quotes, backslashes and control characters escaped. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Decodes the string literal whose opening quote is at {@code start}.
     *
     * @param decoded receives the decoded content
     * @return the index just after the closing quote, or -1 when the literal is unterminated or has a bad escape
     */
    static int readString(String json, int start, StringBuilder decoded) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                decoded.append(c);
                i++;
                continue;
            }
            if (i + 1 >= json.length()) {
                return -1;
            }
            char e = json.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> decoded.append(e);
                case 'b' -> decoded.append('\b');
                case 'f' -> decoded.append('\f');
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                case 'u' -> {
                    int code = hex4(json, i + 2);
                    if (code < 0) {
                        return -1;
                    }
                    decoded.append((char) code);
                    i += 4;
                }
                default -> {
                    return -1;
                }
            }
            i += 2;
        }
        return -1;
    }

    private static int hex4(String json, int from) {
        if (from + 4 > json.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Hex.value(json.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
