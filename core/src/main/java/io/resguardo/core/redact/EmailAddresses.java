package io.resguardo.core.redact;

/**
 * Masks e-mail addresses in free text to their first character and domain ({@code j***@example.com}). Generous on
 * purpose: any run of local-part characters, {@code @}, and a domain starting with a letter or digit counts, dotted
 * or not. The {@code @} may be URL-encoded ({@code j***%40example.com} in query strings and form bodies).
 *
 * <p>Linear: the backward scan from an {@code @} never crosses the previous {@code @} or a replaced range, and the
 * forward scan stops at the next character that is not a domain character (an {@code @} included).
 */
final class EmailAddresses {
    private static final String ENCODED_AT = "%40";

    private EmailAddresses() {
    }

    static String redact(String text) {
        Output out = new Output(text);
        int resumeAt = 0;
        int i = nextAt(text, 0);
        while (i >= 0) {
            int start = i;
            while (start > resumeAt && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int domainStart = i + (text.charAt(i) == '@' ? 1 : ENCODED_AT.length());
            int end = domainEnd(text, domainStart);
            if (start < i && end > domainStart) {
                out.replace(start, end, text.charAt(start) + Masks.HIDDEN + text.substring(i, end));
                resumeAt = end;
            } else {
                resumeAt = i + 1;
            }
            i = nextAt(text, resumeAt);
        }
        return out.result();
    }

    /** The index of the next {@code @} or URL-encoded {@code %40} from {@code from}, or -1. */
    private static int nextAt(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || (c == '%' && text.startsWith(ENCODED_AT, i))) {
                return i;
            }
        }
        return -1;
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

    /** Non-ASCII letters count too, so that {@code jos\u00e9.p\u00e9rez@...} is masked from its first letter. */
    private static boolean isLocalChar(char c) {
        return isAlphanumeric(c) || (c > 0x7f && (Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK))
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
