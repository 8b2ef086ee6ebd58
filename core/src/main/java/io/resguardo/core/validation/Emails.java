package io.resguardo.core.validation;

/**
 * A deliberately conservative e-mail syntax: what PagoEfectivo and mail systems reliably accept, not all of RFC 5322.
 * Local part: 1..64 of ASCII letters, digits and {@code !#$%&'*+/=?^_`{|}~.-}, no leading, trailing or doubled dot
 * (no quoted local parts). Domain: at least two dot-separated labels of 1..63 ASCII letters, digits and hyphens, not
 * starting or ending with a hyphen; the last label letters only, at least two, or an {@code xn--} label (internationalized domains must come in
 * their {@code xn--} form, IP literals are refused). Whole address at most 254 characters.
 */
final class Emails {
    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private Emails() {
    }

    static boolean isValid(String address) {
        int at = address.indexOf('@');
        if (at < 1 || at > MAX_LOCAL || address.indexOf('@', at + 1) >= 0) {
            return false;
        }
        return isLocalPart(address, at) && isDomain(address, at + 1);
    }

    private static boolean isLocalPart(String address, int end) {
        char previous = '.';
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            if (c == '.' ? previous == '.' : !(Texts.isAsciiAlphanumeric(c) || LOCAL_SPECIALS.indexOf(c) >= 0)) {
                return false;
            }
            previous = c;
        }
        return previous != '.';
    }

    private static boolean isDomain(String address, int start) {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= address.length(); i++) {
            if (i == address.length() || address.charAt(i) == '.') {
                if (!isLabel(address, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2 && isTopLevel(address, address.lastIndexOf('.') + 1);
    }

    private static boolean isLabel(String address, int start, int end) {
        if (end - start < 1 || end - start > MAX_LABEL || address.charAt(start) == '-' || address.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = address.charAt(i);
            if (!(Texts.isAsciiAlphanumeric(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopLevel(String address, int start) {
        if (address.length() - start < 2) {
            return false;
        }
        if (address.regionMatches(true, start, "xn--", 0, 4)) {
            return true;
        }
        for (int i = start; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
