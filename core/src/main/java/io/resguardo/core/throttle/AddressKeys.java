package io.resguardo.core.throttle;

import io.resguardo.core.InvalidConfigurationException;

import java.util.Objects;

/**
 * Turns a client address into the {@link AddressKey} that throttles and failure trackers count it by.
 *
 * <p>An IPv4 address is keyed whole. An IPv6 address is keyed by its leading {@code ipv6PrefixLength} bits, /64 by
 * default: one subscriber or host usually receives a whole /64 and can pick any of its 2<sup>64</sup> addresses, so
 * keying whole addresses would let a client escape a limit by rotating addresses within its allocation. An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is the IPv4 client it maps, and is keyed whole.
 *
 * <p>Immutable and thread-safe. {@link #keyOf} allocates only the key.
 */
public final class AddressKeys {
    /** The default IPv6 prefix: one /64, the usual allocation to a single subscriber or host. */
    public static final int DEFAULT_IPV6_PREFIX = 64;
    /** Shorter prefixes would lump whole providers' customers into one key. */
    public static final int MIN_IPV6_PREFIX = 32;

    private final int ipv6PrefixLength;
    private final long highMask;
    private final long lowMask;

    /**
     * @param ipv6PrefixLength 32 to 128 (128 keys every IPv6 address on its own)
     * @throws InvalidConfigurationException for a prefix outside that range
     */
    public AddressKeys(int ipv6PrefixLength) {
        if (ipv6PrefixLength < MIN_IPV6_PREFIX || ipv6PrefixLength > 128) {
            throw new InvalidConfigurationException("IPv6 key prefix must be /" + MIN_IPV6_PREFIX + " to /128, was /"
                    + ipv6PrefixLength);
        }
        this.ipv6PrefixLength = ipv6PrefixLength;
        this.highMask = AddressKey.mask(ipv6PrefixLength);
        this.lowMask = AddressKey.mask(ipv6PrefixLength - 64);
    }

    /** Keys IPv6 clients by their /64. */
    public static AddressKeys byIpv6Slash64() {
        return new AddressKeys(DEFAULT_IPV6_PREFIX);
    }

    /**
     * The key of an address given in network byte order.
     *
     * @param address 4 bytes (IPv4) or 16 bytes (IPv6), as from a parsed address's {@code toBytes()}
     * @throws IllegalArgumentException for any other length: the bytes come from an already parsed address, so this
     *     is a programming error, never a consequence of request input
     */
    public AddressKey keyOf(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length == 4) {
            return AddressKey.ipv4(readLong(address, 0, 4));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + address.length);
        }
        long high = readLong(address, 0, 8);
        long low = readLong(address, 8, 8);
        if (high == 0 && (low >>> 32) == 0xffffL) {
            return AddressKey.ipv4(low);
        }
        return new AddressKey(high & highMask, low & lowMask, ipv6PrefixLength);
    }

    public int ipv6PrefixLength() {
        return ipv6PrefixLength;
    }

    private static long readLong(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = (value << 8) | (bytes[i] & 0xffL);
        }
        return value;
    }
}
