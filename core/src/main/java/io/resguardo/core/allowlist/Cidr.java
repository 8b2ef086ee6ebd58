package io.resguardo.core.allowlist;

import io.resguardo.core.InvalidConfigurationException;

import java.util.Objects;

/**
 * A block of addresses: a network address and a prefix length.
 *
 * <p>Guarantees: the prefix is within 0..32 (IPv4) or 0..128 (IPv6), and no host bit is set under the prefix
 * ({@code 10.0.0.1/8} is refused rather than silently widened, since it usually hides a typo). An IPv4-mapped
 * range such as {@code ::ffff:10.0.0.0/104} is normalized to {@code 10.0.0.0/8}, matching how
 * {@link IpAddress} normalizes mapped addresses.
 *
 * @param address the network address (the first address of the block)
 * @param prefix the number of leading bits that every member shares with {@code address}
 */
public record Cidr(IpAddress address, int prefix) {
    private static final int MAPPED_PREFIX_BITS = 96;
    private static final int MAX_PREFIX_DIGITS = 3;

    /**
     * @throws InvalidConfigurationException when the prefix is out of range or host bits are set
     */
    public Cidr {
        Objects.requireNonNull(address, "address");
        String problem = problem(address, prefix);
        if (problem != null) {
            throw new InvalidConfigurationException("invalid CIDR '" + address + "/" + prefix + "': " + problem);
        }
    }

    /**
     * Parses {@code address/prefix}, or a bare address meaning a single host (/32 or /128). Literals only, as in
     * {@link IpAddress#parse(String)}; the prefix is decimal without a sign or leading zeros.
     *
     * @throws InvalidConfigurationException naming {@code text} and what is wrong with it
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        int addressEnd = slash < 0 ? text.length() : slash;
        StringBuilder why = new StringBuilder();
        IpAddress address = Literals.parseAddress(text, 0, addressEnd, why);
        if (address == null) {
            throw invalid(text, why.toString());
        }
        if (slash < 0) {
            return new Cidr(address, address.bitLength());
        }
        int prefix = parsePrefix(text, slash + 1);
        if (prefix < 0) {
            throw invalid(text, "the prefix must be a decimal number without sign or leading zeros");
        }
        boolean writtenAsIpv6 = text.lastIndexOf(':', addressEnd) >= 0;
        if (writtenAsIpv6 && address.isIpv4()) {
            if (prefix > 128) {
                throw invalid(text, "prefix /" + prefix + " is out of range (0..128)");
            }
            if (prefix < MAPPED_PREFIX_BITS) {
                throw invalid(text, "an IPv4-mapped range needs a prefix of at least /96");
            }
            prefix -= MAPPED_PREFIX_BITS;
        }
        String problem = problem(address, prefix);
        if (problem != null) {
            throw invalid(text, problem);
        }
        return new Cidr(address, prefix);
    }

    /** The block holding only {@code address} (/32 or /128). */
    public static Cidr of(IpAddress address) {
        return new Cidr(address, address.bitLength());
    }

    /**
     * Whether {@code candidate} lies in this block. An IPv4 address never lies in an IPv6 block and the other way
     * round; IPv4-mapped addresses count as IPv4.
     */
    public boolean contains(IpAddress candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (candidate.isIpv4() != address.isIpv4()) {
            return false;
        }
        return (candidate.hi() & maskHi(address, prefix)) == address.hi()
                && (candidate.lo() & maskLo(address, prefix)) == address.lo();
    }

    /** The last address of the block, high 64 bits (0 for IPv4). */
    long lastHi() {
        return address.isIpv4() ? 0 : address.hi() | ~maskHi(address, prefix);
    }

    /** The last address of the block, low 64 bits (the unsigned 32-bit value for IPv4). */
    long lastLo() {
        long last = address.lo() | ~maskLo(address, prefix);
        return address.isIpv4() ? last & 0xffff_ffffL : last;
    }

    /** {@code address/prefix}, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return address + "/" + prefix;
    }

    private static String problem(IpAddress address, int prefix) {
        int max = address.bitLength();
        if (prefix < 0 || prefix > max) {
            return "prefix /" + prefix + " is out of range for " + (address.isIpv4() ? "IPv4" : "IPv6")
                    + " (0.." + max + ")";
        }
        long networkHi = address.hi() & maskHi(address, prefix);
        long networkLo = address.lo() & maskLo(address, prefix);
        if (networkHi != address.hi() || networkLo != address.lo()) {
            IpAddress network = address.isIpv4() ? IpAddress.ipv4(networkLo) : IpAddress.ipv6(networkHi, networkLo);
            return "host bits are set under the /" + prefix + " prefix (did you mean " + network + "/" + prefix + "?)";
        }
        return null;
    }

    // Java shifts longs modulo 64, so a shift by 64 is a no-op: the whole-word cases are handled explicitly.
    private static long maskHi(IpAddress address, int prefix) {
        if (address.isIpv4() || prefix >= 64) {
            return address.isIpv4() ? 0 : -1L;
        }
        return prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long maskLo(IpAddress address, int prefix) {
        if (address.isIpv4()) {
            return prefix == 0 ? 0 : 0xffff_ffffL << (32 - prefix) & 0xffff_ffffL;
        }
        if (prefix <= 64) {
            return 0;
        }
        return prefix == 128 ? -1L : -1L << (128 - prefix);
    }

    private static int parsePrefix(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > MAX_PREFIX_DIGITS || length > 1 && text.charAt(from) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Literals.isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static InvalidConfigurationException invalid(String text, String reason) {
        return new InvalidConfigurationException("invalid CIDR " + Literals.quote(text) + ": " + reason);
    }
}
