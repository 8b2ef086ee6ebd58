package io.resguardo.core.redact;

/**
 * Masks numbers long enough to be a phone or a document number to their first and last digit ({@code 9***1}):
 * <ul>
 *   <li>any run of at least {@value #MIN_DIGITS} ASCII digits ({@code 987654321}, {@code 12345678});</li>
 *   <li>groups of 1..4 digits joined by single spaces or hyphens with at least {@value #MIN_DIGITS} digits in all
 *       ({@code 987 654 321}, {@code 234-5678}).</li>
 * </ul>
 * A group right after {@code +} is a country code and stays readable ({@code +51 9***1}). An ISO date
 * ({@code 2026-11-26}) is left alone, and so are digits inside identifiers that join letters and digits with {@code -}
 * or {@code _} (transaction codes, UUIDs, {@code 2026-12-01T21:00}): a phone or document number written inside such
 * an identifier is the one case this pass misses. Amounts of six integer digits and epoch timestamps are masked too: a false
 * positive costs readability, a miss leaks personal data.
 */
final class Digits {
    static final int MIN_DIGITS = 6;
    private static final int MAX_GROUP = 4;

    private Digits() {
    }

    static String redact(String text) {
        Output out = new Output(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isWordChar(text.charAt(i)) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int wordEnd = wordEnd(text, i);
                if (isIdentifier(text, i, wordEnd)) {
                    i = wordEnd;
                    continue;
                }
            }
            if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = digitsEnd(text, i);
            if (end - i >= MIN_DIGITS) {
                out.replace(i, end, mask(text, i, end));
                i = end;
            } else if (isIsoDate(text, i, end)) {
                i += 10;
            } else {
                i = grouped(text, i, end, out);
            }
        }
        return out.result();
    }

    /** Masks a grouped number starting with the group {@code [start, firstEnd)}; returns where to continue. */
    private static int grouped(String text, int start, int firstEnd, Output out) {
        if (firstEnd - start > MAX_GROUP || (start > 0 && text.charAt(start - 1) == '+')) {
            return firstEnd;
        }
        int total = firstEnd - start;
        int end = firstEnd;
        while (end + 1 < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '-')
                && isDigit(text.charAt(end + 1))) {
            int groupEnd = digitsEnd(text, end + 1);
            if (groupEnd - (end + 1) > MAX_GROUP) {
                break;
            }
            total += groupEnd - (end + 1);
            end = groupEnd;
        }
        if (total < MIN_DIGITS) {
            return firstEnd;
        }
        out.replace(start, end, mask(text, start, end));
        return end;
    }

    private static String mask(String text, int start, int end) {
        return text.charAt(start) + Masks.HIDDEN + text.charAt(end - 1);
    }

    private static boolean isIsoDate(String text, int start, int firstEnd) {
        int n = text.length();
        return firstEnd - start == 4 && start + 10 <= n && text.charAt(start + 4) == '-'
                && isDigit(text.charAt(start + 5)) && isDigit(text.charAt(start + 6)) && text.charAt(start + 7) == '-'
                && isDigit(text.charAt(start + 8)) && isDigit(text.charAt(start + 9))
                && (start + 10 == n || !isDigit(text.charAt(start + 10)));
    }

    /**
     * Whether {@code [start, end)} is an identifier such as {@code ORD-2026-11-26-000123}, a UUID or
     * {@code 2026-12-01T21}: letters and digits joined by {@code -} or {@code _}. Its digits are not masked.
     */
    private static boolean isIdentifier(String text, int start, int end) {
        boolean letter = false;
        boolean separator = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            separator |= c == '-' || c == '_';
        }
        return letter && separator;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '_';
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
