package io.resguardo.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Masks credentials recognised by their surroundings, in one left-to-right pass:
 * <ul>
 *   <li>the value after a sensitive name and {@code :} or {@code =}, quoted or not ({@code secretKey=...},
 *       {@code "hashString": "..."}, {@code PE-Signature: ...}, also with JSON-escaped quotes);</li>
 *   <li>the token after an HTTP authentication scheme ({@code Bearer ***}, {@code Basic ***});</li>
 *   <li>Standard Webhooks secrets and signatures ({@code whsec_***}, {@code v1,***});</li>
 *   <li>RFC 8941 byte sequences, as in {@code Signature} and {@code Content-Digest} ({@code sig1=:***:});</li>
 *   <li>passwords in URLs ({@code https://user:***@host}).</li>
 * </ul>
 * Every scan moves forward only and resumes after what it consumed, so the pass is linear in the text.
 */
final class Credentials {
    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "digest", "hmac", "negotiate");
    private static final String VALUE_STOPS = ",;&\"'<>()[]{}";
    private static final String PREFIX_WHSEC = "whsec_";

    private Credentials() {
    }

    static String redact(String text) {
        Output out = new Output(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '=' && i + 1 < n && text.charAt(i + 1) == ':') {
                int close = byteSequenceClose(text, i + 2);
                if (close > 0) {
                    i = out.replace(i + 2, close, Masks.HIDDEN);
                    continue;
                }
            }
            if (c == ':' && text.startsWith("//", i + 1)) {
                i = userInfo(text, i + 3, out);
                continue;
            }
            if (isNameChar(c) && (i == 0 || !isNameChar(text.charAt(i - 1)))) {
                int end = nameEnd(text, i);
                i = afterName(text, i, end, out);
                continue;
            }
            i++;
        }
        return out.result();
    }

    /**
     * Masks the password of a URL's user information ({@code jdbc:mysql://app:***@db/shop}) in the authority starting
     * at {@code from}; returns where to continue. The authority ends at the first {@code /}, quote, angle bracket or
     * whitespace, not at {@code ?} or {@code #}, which hand-written passwords contain unencoded; its last {@code @}
     * ends the user information, so an unencoded {@code @} in the password is masked too.
     */
    private static int userInfo(String text, int from, Output out) {
        int colon = -1;
        int at = -1;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '"' || c == '\'' || c == '<' || c == '>'
                    || Character.isWhitespace(c)) {
                break;
            }
            if (c == ':' && colon < 0) {
                colon = i;
            } else if (c == '@') {
                at = i;
            }
        }
        if (colon >= 0 && at > colon + 1) {
            return out.replace(colon + 1, at, Masks.HIDDEN);
        }
        return from;
    }

    /** Handles the name at {@code [start, end)}; returns where to continue. */
    private static int afterName(String text, int start, int end, Output out) {
        if (text.regionMatches(true, start, PREFIX_WHSEC, 0, PREFIX_WHSEC.length())) {
            int valueEnd = base64End(text, start + PREFIX_WHSEC.length());
            if (valueEnd > start + PREFIX_WHSEC.length()) {
                return out.replace(start + PREFIX_WHSEC.length(), valueEnd, Masks.HIDDEN);
            }
        }
        if (isStandardWebhooksSignature(text, start, end)) {
            int valueEnd = base64End(text, end + 1);
            if (valueEnd > end + 1) {
                return out.replace(end + 1, valueEnd, Masks.HIDDEN);
            }
        }
        if (isAuthScheme(text, start, end)) {
            int tokenEnd = schemeTokenEnd(text, end);
            if (tokenEnd > 0) {
                return out.replace(skipBlanks(text, end), tokenEnd, Masks.HIDDEN);
            }
        }
        SensitiveKeys.Kind kind = SensitiveKeys.classify(text.subSequence(start, end));
        return kind == SensitiveKeys.Kind.NONE ? end : keyedValue(text, end, kind, out);
    }

    /** Masks the value after a sensitive name ending at {@code nameEnd}, if a separator follows. */
    private static int keyedValue(String text, int nameEnd, SensitiveKeys.Kind kind, Output out) {
        int n = text.length();
        int j = nameEnd;
        for (int quotes = 0; quotes < 2 && j < n && (text.charAt(j) == '"' || text.charAt(j) == '\''
                || text.charAt(j) == '\\'); quotes++) {
            j++;
        }
        j = skipBlanks(text, j);
        if (j >= n || (text.charAt(j) != ':' && text.charAt(j) != '=')) {
            return nameEnd;
        }
        j = skipBlanks(text, j + 1);
        if (j >= n) {
            return j;
        }
        char c = text.charAt(j);
        if (c == '\\' && j + 1 < n && text.charAt(j + 1) == '"') {
            int close = text.indexOf("\\\"", j + 2);
            return maskValue(text, j + 2, close < 0 ? n : close, kind, out);
        }
        if (c == '"' || c == '\'') {
            return maskValue(text, j + 1, closingQuote(text, j + 1, c), kind, out);
        }
        int valueEnd = unquotedEnd(text, j);
        if (valueEnd == j || isStandardWebhooksSignature(text, j, valueEnd)) {
            // Nothing to mask here, or a "v1," signature list that the main loop masks signature by signature.
            return j;
        }
        if (isAuthScheme(text, j, valueEnd)) {
            int tokenEnd = schemeTokenEnd(text, valueEnd);
            if (tokenEnd > 0) {
                return out.replace(skipBlanks(text, valueEnd), tokenEnd, Masks.HIDDEN);
            }
        }
        return maskValue(text, j, valueEnd, kind, out);
    }

    private static boolean isStandardWebhooksSignature(String text, int start, int end) {
        return end - start == 2 && end < text.length() && text.charAt(end) == ','
                && text.regionMatches(true, start, "v1", 0, 2);
    }

    private static int maskValue(String text, int start, int end, SensitiveKeys.Kind kind, Output out) {
        if (end <= start) {
            return end;
        }
        return out.replace(start, end, Masks.of(kind, text.substring(start, end)));
    }

    /** The index of the closing quote (skipping backslash escapes), or the end of the text when there is none. */
    private static int closingQuote(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    private static int unquotedEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && VALUE_STOPS.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static boolean isAuthScheme(String text, int start, int end) {
        return end - start <= 9 && AUTH_SCHEMES.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** The end of the credentials after a scheme ending at {@code schemeEnd}, or -1 when none follows. */
    private static int schemeTokenEnd(String text, int schemeEnd) {
        int start = skipBlanks(text, schemeEnd);
        if (start == schemeEnd || start >= text.length()) {
            return -1;
        }
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "\"',;".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i > start ? i : -1;
    }

    /** The index of the {@code :} closing a byte sequence whose content starts at {@code from}, or -1. */
    private static int byteSequenceClose(String text, int from) {
        int end = base64End(text, from);
        return end > from && end < text.length() && text.charAt(end) == ':' ? end : -1;
    }

    private static int base64End(String text, int from) {
        int i = from;
        while (i < text.length() && isBase64Char(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
