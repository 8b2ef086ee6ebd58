package io.resguardo.core.internal;

/**
 * RFC 9110 optional whitespace (spaces and horizontal tabs) trimmed from a range of a header value by index, so that
 * the hot paths find a value's bounds without allocating a stripped copy.
 */
public final class Ows {
    private Ows() {
    }

    /** The first index in {@code [from, to)} that is not a space or tab, or {@code to}. */
    public static int skipLeading(String s, int from, int to) {
        while (from < to && isOws(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of {@code [from, to)} once trailing spaces and tabs are dropped, or {@code from}. */
    public static int trimTrailing(String s, int from, int to) {
        while (to > from && isOws(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
