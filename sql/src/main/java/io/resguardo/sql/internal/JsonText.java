package io.resguardo.sql.internal;

import java.util.Map;

/**
 * Writes the flat JSON objects the stores keep (outbox payloads, audit details): string members only, in the
 * order given. Strings are escaped per RFC 8259, including every control character, so the output always parses.
 */
public final class JsonText {
    private JsonText() {
    }

    /** A JSON object of the entries; {@code null} values become JSON {@code null}. */
    public static String object(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(64 + members.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, member.getKey());
            out.append(':');
            Object value = member.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof RawJson raw) {
                out.append(raw.json());
            } else {
                string(out, value.toString());
            }
        }
        return out.append('}').toString();
    }

    /** JSON already written by {@link #object(Map)}, nested as it is. */
    public record RawJson(String json) {
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029 || Character.isSurrogate(ch) && !pairedAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
