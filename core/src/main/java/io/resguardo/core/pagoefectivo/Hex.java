package io.resguardo.core.pagoefectivo;

/** Lowercase hex encoding and an allocation-free, case-insensitive decoding for the verification hot path. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Decodes {@code text[from, from + 2 * out.length)} into {@code out}.
     *
     * @return false when a character is not a hex digit (then {@code out} holds garbage)
     */
    static boolean decode(String text, int from, byte[] out) {
        int bad = 0;
        for (int i = 0; i < out.length; i++) {
            int hi = value(text.charAt(from + 2 * i));
            int lo = value(text.charAt(from + 2 * i + 1));
            bad |= hi | lo;
            out[i] = (byte) ((hi << 4) | lo);
        }
        return bad >= 0;
    }

    /** The digit's value, or -1. */
    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
