package io.resguardo.core.throttle;

/**
 * A client address reduced to what a throttle or failure tracker counts it by: an IPv4 address whole, an IPv6
 * address masked to a prefix. Built by {@link AddressKeys}. Held as two longs (the 128-bit IPv6 form, IPv4 as
 * {@code ::ffff:a.b.c.d}), so a key is 32 bytes and hashing or comparing it allocates nothing.
 *
 * <p>Comparable (unsigned, high then low) so that a hash table under a collision flood keeps O(log n) lookups.
 *
 * @param high the first 64 bits of the 128-bit form
 * @param low the last 64 bits of the 128-bit form
 * @param prefixLength how many leading bits count: 128 for IPv4 (the mapped form is kept whole), the configured
 *     prefix for IPv6
 */
public record AddressKey(long high, long low, int prefixLength) implements Comparable<AddressKey> {
    private static final long IPV4_MAPPED = 0x0000_ffff_0000_0000L;

    /** @throws IllegalArgumentException when the prefix is outside 0..128 or bits beyond it are set */
    public AddressKey {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128, was " + prefixLength);
        }
        if ((high & ~mask(prefixLength)) != 0 || (low & ~mask(prefixLength - 64)) != 0) {
            throw new IllegalArgumentException("address key has bits set beyond its /" + prefixLength + " prefix");
        }
    }

    /** The mask of the first {@code bits} bits of a 64-bit half ({@code bits} below 0 gives none, above 64 all). */
    static long mask(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= 64 ? -1L : -1L << (64 - bits);
    }

    static AddressKey ipv4(long address) {
        return new AddressKey(0, IPV4_MAPPED | (address & 0xffff_ffffL), 128);
    }

    /** Whether this key is one IPv4 address. */
    public boolean isIpv4() {
        return high == 0 && (low & 0xffff_ffff_0000_0000L) == IPV4_MAPPED && prefixLength == 128;
    }

    @Override
    public int hashCode() {
        // A 64-bit finaliser (from SplitMix64) over both halves, so /64 keys, whose low half is zero, still spread.
        long h = high * 0x9E37_79B9_7F4A_7C15L + low;
        h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ (h >>> 31)) ^ prefixLength;
    }

    @Override
    public int compareTo(AddressKey other) {
        int c = Long.compareUnsigned(high, other.high);
        if (c == 0) {
            c = Long.compareUnsigned(low, other.low);
        }
        return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
    }

    /** {@code 203.0.113.7} for IPv4, {@code 2001:db8:1:2:0:0:0:0/64} for an IPv6 prefix. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return ((low >>> 24) & 0xff) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "." + (low & 0xff);
        }
        StringBuilder text = new StringBuilder(48);
        for (int group = 0; group < 8; group++) {
            long half = group < 4 ? high : low;
            int shift = 48 - 16 * (group % 4);
            if (group > 0) {
                text.append(':');
            }
            text.append(Long.toHexString((half >>> shift) & 0xffff));
        }
        return text.append('/').append(prefixLength).toString();
    }
}
