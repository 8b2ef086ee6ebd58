package io.resguardo.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Masks numbers long enough to be a phone or a document number to their first and last digit ({@code 9***1}):
 * <ul>
 *   <li>any run of at least {@value #MIN_DIGITS} decimal digits, ASCII or not ({@code 987654321},
 *       {@code 12345678});</li>
 *   <li>groups of 1..4 digits joined by single spaces or hyphens with at least {@value #MIN_DIGITS} digits in all
 *       ({@code 987 654 321}, {@code 234-5678}).</li>
 * </ul>
 * A group right after {@code +} is a country code and stays readable ({@code +51 9***1}). An ISO date
 * ({@code 2026-11-26}) is left alone, and so are digits inside identifiers that join letters and digits with {@code -}
 * or {@code _} (transaction codes, UUIDs, {@code 2026-12-01T21:00}), except a number of {@value #MIN_DIGITS} digits
 * or more right after a personal label ({@code DNI-4***6}, {@code user_9***1}, {@code tel-9***1}): a phone or document
 * number inside any other identifier ({@code ORD-987654321}) is the one case this pass misses. Amounts of six
 * integer digits and epoch timestamps are masked too: a false
 * positive costs readability, a miss leaks personal data.
 */
final class Digits {
    static final int MIN_DIGITS = 6;
    private static final int MAX_GROUP = 4;
    /** Labels that name a person's number, besides the sensitive names of {@link SensitiveKeys}. */
    private static final Set<String> PERSONAL_LABELS = Set.of("doc", "documento", "ce", "pas", "tel", "telf", "cel",
            "fono", "movil", "whatsapp", "wsp", "user", "usuario", "cliente", "client", "customer", "contacto",
            "contact");
    /** Segments longer than this are no label; skipping them keeps hostile identifiers cheap. */
    private static final int MAX_LABEL = 32;

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
                    maskLabelledNumbers(text, i, wordEnd, out);
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

    /**
     * Masks, inside the identifier {@code [start, end)}, each all-digit segment of {@value #MIN_DIGITS} digits or more
     * whose previous segment is a personal label ({@code DNI-45781236}, {@code user_987654321}).
     */
    private static void maskLabelledNumbers(String text, int start, int end, Output out) {
        int previousStart = -1;
        int segmentStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && text.charAt(i) != '-' && text.charAt(i) != '_') {
                continue;
            }
            if (previousStart >= 0 && i - segmentStart >= MIN_DIGITS && digitsEnd(text, segmentStart) == i
                    && isPersonalLabel(text.substring(previousStart, segmentStart - 1))) {
                out.replace(segmentStart, i, mask(text, segmentStart, i));
            }
            previousStart = segmentStart;
            segmentStart = i + 1;
        }
    }

    private static boolean isPersonalLabel(String segment) {
        return segment.length() <= MAX_LABEL && ( PERSONAL_LABELS.contains(segment.toLowerCase(Locale.ROOT))
                || SensitiveKeys.classify(segment) != SensitiveKeys.Kind.NONE);
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

    /** ASCII digits and the other decimal digits of the BMP (full-width, Arabic-Indic and so on). */
    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c > 0x7f && Character.isDigit(c));
    }
}
