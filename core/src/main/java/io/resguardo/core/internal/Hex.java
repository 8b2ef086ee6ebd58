package io.resguardo.core.internal;

import java.util.HexFormat;

/** Lowercase hex encoding and an allocation-free, case-insensitive decoding for the verification hot path. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /**
     * Decodes {@code text[from, from + 2 * out.length)} into {@code out}.
     *
     * @return false when a character is not a hex digit (then {@code out} holds garbage)
     */
    public static boolean decode(String text, int from, byte[] out) {
        int bad = 0;
        for (int i = 0; i < out.length; i++) {
            int hi = value(text.charAt(from + 2 * i));
            int lo = value(text.charAt(from + 2 * i + 1));
            bad |= hi | lo;
            out[i] = (byte) ((hi << 4) | lo);
        }
        return bad >= 0;
    }

    /** The hex digit's value (either case), or -1. */
    public static int value(char c) {
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
