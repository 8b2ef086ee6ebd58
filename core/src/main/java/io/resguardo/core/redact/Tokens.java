package io.resguardo.core.redact;

import io.resguardo.core.internal.Hex;

/**
 * Masks runs of base64, base64url and hex characters that look like keys, tokens, signatures or hashes.
 *
 * <p>A run is a maximal sequence of {@code [A-Za-z0-9+/_-]} with its {@code =} padding. It is masked when it is
 * <ul>
 *   <li>all hex and at least 32 characters (a SHA-256 or HMAC in hex, a 128-bit key), or</li>
 *   <li>all hex, at least 16 characters, with both digits and letters (a 64-bit API key), or</li>
 *   <li>at least 8 characters starting with {@code eyJ} (the base64url of a JSON object: JWT parts), or</li>
 *   <li>at least 20 characters, mixes at least two of upper case, lower case and digits, and switches between them
 *       often: at least {@value #MIN_SWITCHES_PERCENT}% of adjacent letter-or-digit pairs. Random base64 switches on
 *       about 62% of pairs; identifiers and words do not ({@code InvalidConfigurationException} 18%,
 *       {@code ORD-2026-11-26-000123} 5%), so class names, transaction codes and dates stay readable.</li>
 * </ul>
 * A canonical UUID is left alone (request and event identifiers are not secrets). A run starting with {@code /} that
 * does not look secret as a whole is read as a URL path and judged segment by segment.
 */
final class Tokens {
    static final int MIN_LENGTH = 20;
    static final int MIN_HEX_LENGTH = 32;
    static final int MIN_SWITCHES_PERCENT = 35;
    private static final int UUID_LENGTH = 36;
    /** A 64-bit key in hex; below this, hex is too often an ordinary short identifier such as a commit hash. */
    static final int MIN_MIXED_HEX_LENGTH = 16;
    /** Base64url of a JSON object's {@code {"}: how every JWT header and payload starts. */
    private static final String JSON_OBJECT_BASE64 = "eyJ";
    private static final int MIN_JWT_PART_LENGTH = 8;

    private Tokens() {
    }

    static String redact(String text) {
        Output out = new Output(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isRunChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isRunChar(text.charAt(end))) {
                end++;
            }
            while (end < n && text.charAt(end) == '=') {
                end++;
            }
            if (text.charAt(i) == '/' && !looksSecret(text, i, end)) {
                maskPathSegments(text, i, end, out);
            } else if (looksSecret(text, i, end)) {
                out.replace(i, end, Masks.HIDDEN);
            }
            i = end;
        }
        return out.result();
    }

    private static void maskPathSegments(String text, int start, int end, Output out) {
        int segment = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '/') {
                if (looksSecret(text, segment, i)) {
                    out.replace(segment, i, Masks.HIDDEN);
                }
                segment = i + 1;
            }
        }
    }

    private static boolean looksSecret(String text, int start, int end) {
        int length = end - start;
        if (length >= MIN_JWT_PART_LENGTH && text.startsWith(JSON_OBJECT_BASE64, start)) {
            return true;
        }
        if (length >= MIN_MIXED_HEX_LENGTH && isHex(text, start, end) && isMixedHex(text, start, end)) {
            return true;
        }
        if (length < MIN_LENGTH) {
            return false;
        }
        if (length >= MIN_HEX_LENGTH && isHex(text, start, end)) {
            return true;
        }
        if (length == UUID_LENGTH && isUuid(text, start)) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int pairs = 0;
        int switches = 0;
        int previous = -1;
        for (int i = start; i < end; i++) {
            int kind = kind(text.charAt(i));
            if (kind < 0) {
                continue;
            }
            if (kind == 0) {
                upper++;
            } else if (kind == 1) {
                lower++;
            } else {
                digits++;
            }
            if (previous >= 0) {
                pairs++;
                if (previous != kind) {
                    switches++;
                }
            }
            previous = kind;
        }
        int kinds = (upper > 0 ? 1 : 0) + (lower > 0 ? 1 : 0) + (digits > 0 ? 1 : 0);
        return kinds >= 2 && pairs > 0 && switches * 100L >= pairs * (long) MIN_SWITCHES_PERCENT;
    }

    /** 0 upper case, 1 lower case, 2 digit, -1 anything else. */
    private static int kind(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        return c >= '0' && c <= '9' ? 2 : -1;
    }

    private static boolean isHex(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Hex.value(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMixedHex(String text, int start, int end) {
        boolean digit = false;
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        return digit && letter;
    }

    private static boolean isUuid(String text, int start) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Hex.value(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRunChar(char c) {
        return kind(c) >= 0 || c == '+' || c == '/' || c == '_' || c == '-';
    }
}
