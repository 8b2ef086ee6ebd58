package io.resguardo.core.webhook;

/** Allocation-free, strict decoding of standard base64 straight from a header's characters. */
final class Base64Chars {
    private Base64Chars() {
    }

    /**
     * Decodes {@code text[from, to)} into exactly {@code out.length} bytes.
     *
     * @return false unless the range is the canonical padded encoding of that many bytes (standard alphabet, the
     *         padding due and nothing else, unused low bits zero)
     */
    static boolean decode(String text, int from, int to, byte[] out) {
        int padding = (3 - out.length % 3) % 3;
        if (to - from != 4 * ((out.length + 2) / 3)) {
            return false;
        }
        for (int i = to - padding; i < to; i++) {
            if (text.charAt(i) != '=') {
                return false;
            }
        }
        int accumulator = 0;
        int bits = 0;
        int written = 0;
        for (int i = from; i < to - padding; i++) {
            int value = value(text.charAt(i));
            if (value < 0) {
                return false;
            }
            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }
        return accumulator == 0;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        return c == '/' ? 63 : -1;
    }
}
