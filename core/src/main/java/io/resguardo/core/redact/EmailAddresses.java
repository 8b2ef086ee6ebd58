package io.resguardo.core.redact;

/**
 * Masks e-mail addresses in free text to their first character and domain ({@code j***@example.com}). Generous on
 * purpose: any run of local-part characters, {@code @}, and a domain starting with a letter or digit counts, dotted
 * or not.
 *
 * <p>Linear: the backward scan from an {@code @} never crosses the previous {@code @} or a replaced range, and the
 * forward scan stops at the next character that is not a domain character (an {@code @} included).
 */
final class EmailAddresses {
    private EmailAddresses() {
    }

    static String redact(String text) {
        Output out = new Output(text);
        int resumeAt = 0;
        int i = text.indexOf('@');
        while (i >= 0) {
            int start = i;
            while (start > resumeAt && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = domainEnd(text, i + 1);
            if (start < i && end > i + 1) {
                out.replace(start, end, text.charAt(start) + Masks.HIDDEN + text.substring(i, end));
                resumeAt = end;
            } else {
                resumeAt = i + 1;
            }
            i = text.indexOf('@', resumeAt);
        }
        return out.result();
    }

    private static int domainEnd(String text, int from) {
        if (from >= text.length() || !isAlphanumeric(text.charAt(from))) {
            return from;
        }
        int i = from;
        while (i < text.length() && (isAlphanumeric(text.charAt(i)) || text.charAt(i) == '.'
                || text.charAt(i) == '-')) {
            i++;
        }
        // A sentence may end right after the address: "write to ana@example.com."
        while (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '-') {
            i--;
        }
        return i;
    }

    private static boolean isLocalChar(char c) {
        return isAlphanumeric(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
