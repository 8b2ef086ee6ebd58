package io.resguardo.core.allowlist;

import io.resguardo.core.InvalidConfigurationException;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, parsed from a literal only.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>No parser in this class ever performs a DNS lookup: text that is not an address literal is refused.</li>
 *   <li>IPv4 is accepted only as four decimal parts without leading zeros; {@code 010.1.2.3}, {@code 2130706433}
 *       and {@code 1.2.3} are errors, because other software reads them as different addresses.</li>
 *   <li>IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) is normalized to IPv4, so an address has one representation
 *       whichever way a dual-stack container reports it. Other IPv6 forms ({@code ::a.b.c.d}, NAT64) stay IPv6.</li>
 *   <li>Zone ids ({@code fe80::1%eth0}) are refused by {@link #parse(String)} and {@link #tryParse(String)}.</li>
 *   <li>Immutable and thread-safe; {@link #toString()} is canonical (dotted quad, or RFC 5952 for IPv6), so two
 *       equal addresses print the same.</li>
 * </ul>
 */
public final class IpAddress {
    private static final long IPV4_MAPPED_MARKER = 0xffffL;

    // IPv4 lives in the low 32 bits of lo with hi = 0; IPv6 uses all 128 bits. Primitive fields let matchers
    // compare without allocating.
    private final long hi;
    private final long lo;
    private final boolean ipv4;

    private IpAddress(long hi, long lo, boolean ipv4) {
        this.hi = hi;
        this.lo = lo;
        this.ipv4 = ipv4;
    }

    static IpAddress ipv4(long bits) {
        return new IpAddress(0, bits & 0xffff_ffffL, true);
    }

    static IpAddress ipv6(long hi, long lo) {
        if (hi == 0 && lo >>> 32 == IPV4_MAPPED_MARKER) {
            return ipv4(lo);
        }
        return new IpAddress(hi, lo, false);
    }

    /**
     * Parses a configuration literal ({@code 192.0.2.7}, {@code 2001:db8::1}, {@code ::ffff:192.0.2.7}).
     * No brackets, ports or zone ids.
     *
     * @throws InvalidConfigurationException naming the input and what is wrong with it
     */
    public static IpAddress parse(String literal) {
        Objects.requireNonNull(literal, "literal");
        StringBuilder why = new StringBuilder();
        IpAddress address = Literals.parseAddress(literal, 0, literal.length(), why);
        if (address == null) {
            throw new InvalidConfigurationException("invalid IP address " + Literals.quote(literal) + ": " + why);
        }
        return address;
    }

    /**
     * Parses the same literals as {@link #parse(String)}, for request-time values: never throws, not even for
     * {@code null}.
     */
    public static Optional<IpAddress> tryParse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Literals.parseAddress(literal, 0, literal.length(), null));
    }

    /**
     * The address in network byte order: 4 bytes (IPv4) or 16 bytes (IPv6), as from
     * {@link java.net.InetAddress#getAddress()}. 16 bytes holding an IPv4-mapped address give IPv4.
     *
     * @throws IllegalArgumentException when the array is neither 4 nor 16 bytes long
     */
    public static IpAddress fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 4) {
            return ipv4(readLong(bytes, 0, 4));
        }
        if (bytes.length == 16) {
            return ipv6(readLong(bytes, 0, 8), readLong(bytes, 8, 8));
        }
        throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
    }

    /** Whether this is an IPv4 address (including one given in IPv4-mapped IPv6 form). */
    public boolean isIpv4() {
        return ipv4;
    }

    /** 32 for IPv4, 128 for IPv6. */
    public int bitLength() {
        return ipv4 ? 32 : 128;
    }

    /** A fresh copy of the address in network byte order: 4 bytes for IPv4, 16 for IPv6. */
    public byte[] toBytes() {
        if (ipv4) {
            byte[] out = new byte[4];
            writeLong(out, 0, 4, lo);
            return out;
        }
        byte[] out = new byte[16];
        writeLong(out, 0, 8, hi);
        writeLong(out, 8, 8, lo);
        return out;
    }

    /** The high 64 bits (IPv6), 0 for IPv4. */
    long hi() {
        return hi;
    }

    /** The low 64 bits (IPv6), or the unsigned 32-bit value (IPv4). */
    long lo() {
        return lo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && hi == that.hi && lo == that.lo && ipv4 == that.ipv4;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi * 31 + lo) * 31 + (ipv4 ? 1 : 0);
    }

    /** The dotted quad for IPv4; the RFC 5952 canonical text for IPv6 (lower case, longest zero run as "::"). */
    @Override
    public String toString() {
        if (ipv4) {
            return (lo >>> 24) + "." + (lo >>> 16 & 0xff) + "." + (lo >>> 8 & 0xff) + "." + (lo & 0xff);
        }
        int[] groups = new int[8];
        for (int k = 0; k < 8; k++) {
            long half = k < 4 ? hi : lo;
            groups[k] = (int) (half >>> (48 - 16 * (k % 4)) & 0xffff);
        }
        // RFC 5952 section 4.2: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int k = 0; k < 8; ) {
            if (groups[k] != 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < 8 && groups[k] == 0) {
                k++;
            }
            if (k - start > bestLength) {
                bestStart = start;
                bestLength = k - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                out.append("::");
                k += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[k]));
        }
        return out.toString();
    }

    private static long readLong(byte[] bytes, int offset, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = value << 8 | bytes[offset + i] & 0xff;
        }
        return value;
    }

    private static void writeLong(byte[] out, int offset, int count, long value) {
        for (int i = count - 1; i >= 0; i--) {
            out[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
