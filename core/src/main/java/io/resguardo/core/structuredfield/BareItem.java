package io.resguardo.core.structuredfield;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An RFC 8941 bare item of one of the supported types. Decimals are not supported: no field this package serves
 * uses them, and the parser rejects them.
 */
public sealed interface BareItem {

    /** An integer of at most 15 decimal digits (RFC 8941 section 3.3.1). */
    record Int(long value) implements BareItem {
        public Int {
            if (Math.abs(value) > StructuredFields.MAX_INTEGER) {
                throw new IllegalArgumentException("integer out of range");
            }
        }
    }

    /** A string of printable ASCII characters (RFC 8941 section 3.3.3). */
    record Str(String value) implements BareItem {
        public Str {
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("string holds a character outside printable ASCII");
                }
            }
        }
    }

    /** A token (RFC 8941 section 3.3.4). */
    record Token(String value) implements BareItem {
        public Token {
            Objects.requireNonNull(value, "value");
            if (!StructuredFields.isToken(value)) {
                throw new IllegalArgumentException("not a valid token");
            }
        }
    }

    /** A byte sequence (RFC 8941 section 3.3.5); the bytes are copied in and out. */
    record Bytes(byte[] value) implements BareItem {
        public Bytes {
            value = Objects.requireNonNull(value, "value").clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The number of bytes, without copying them. */
        public int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        /** Prints the length only: byte sequences carry signatures and digests. */
        @Override
        public String toString() {
            return "Bytes[" + value.length + " bytes]";
        }

        String base64() {
            return Base64.getEncoder().encodeToString(value);
        }
    }

    /** A boolean (RFC 8941 section 3.3.6). */
    record Bool(boolean value) implements BareItem {
        /** The value a parameter or dictionary member has when it is written as a bare key. */
        public static final Bool TRUE = new Bool(true);
    }
}
