package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A set of address blocks that a surface (webhook, shop API, admin) or the trusted-proxy setting admits.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Parsed once, from literals only (no DNS), with every bad entry named in an
 *       {@link InvalidConfigurationException}; see {@link Cidr} for what a block may look like.</li>
 *   <li>{@link #contains(IpAddress)} costs O(log n) primitive comparisons and allocates nothing: blocks are merged
 *       into sorted disjoint intervals at construction, so overlaps and duplicates are harmless.</li>
 *   <li>An IPv4 address never matches an IPv6 block and the other way round; IPv4-mapped IPv6 addresses and blocks
 *       are normalized to IPv4 first, so {@code ::ffff:10.1.2.3} is matched by {@code 10.0.0.0/8}.</li>
 *   <li>An empty allowlist matches nothing. Everything is matched only when asked for explicitly ({@code *} or a
 *       {@code /0}), and {@link #matchesEverything()} reports it so that preflight can warn.</li>
 *   <li>Immutable and thread-safe.</li>
 * </ul>
 */
public final class Allowlist {
    private static final String WILDCARD = "*";
    private static final int MAX_LISTED_IN_TO_STRING = 8;
    private static final Allowlist EMPTY = new Allowlist(List.of());

    private final List<Cidr> ranges;
    private final RangeSet matcher;
    private final boolean everything;

    private Allowlist(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
        this.matcher = RangeSet.of(this.ranges);
        this.everything = matcher.coversAWholeFamily();
    }

    /**
     * Parses the configuration form: comma-separated blocks or addresses, blanks around entries ignored, e.g.
     * {@code 10.0.0.0/8, 192.168.1.7, ::1, 2001:db8::/32}. {@code *} alone means every IPv4 and IPv6 address.
     * An empty or blank string gives an empty allowlist, which matches nothing.
     *
     * @throws InvalidConfigurationException naming the bad entry: a malformed block, an empty entry (a stray
     *     comma), or {@code *} mixed with other entries
     */
    public static Allowlist parse(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "commaSeparated");
        String text = commaSeparated.strip();
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.equals(WILDCARD)) {
            return new Allowlist(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")));
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                throw new InvalidConfigurationException("empty entry in allowlist " + Literals.quote(commaSeparated)
                        + " (a stray comma?)");
            }
            if (entry.equals(WILDCARD)) {
                throw new InvalidConfigurationException("'*' must be the only entry of an allowlist, not mixed with"
                        + " others in " + Literals.quote(commaSeparated));
            }
            ranges.add(Cidr.parse(entry));
        }
        return new Allowlist(ranges);
    }

    /** An allowlist of the given blocks (which may overlap). */
    public static Allowlist of(Collection<Cidr> ranges) {
        Objects.requireNonNull(ranges, "ranges");
        return ranges.isEmpty() ? EMPTY : new Allowlist(new ArrayList<>(ranges));
    }

    /** {@code 127.0.0.0/8} and {@code ::1}: the sandbox default for every surface. */
    public static Allowlist loopback() {
        return new Allowlist(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")));
    }

    /** The allowlist that matches nothing (also what an empty configuration value gives). */
    public static Allowlist empty() {
        return EMPTY;
    }

    /** Whether {@code address} lies in one of the blocks. Allocation-free. */
    public boolean contains(IpAddress address) {
        Objects.requireNonNull(address, "address");
        return matcher.contains(address);
    }

    /**
     * Admits {@code address} or rejects it.
     *
     * @throws ResguardoException with {@link ErrorCode#IP_NOT_ALLOWED} when the address lies in no block; the
     *     message names the address, never the allowlist
     */
    public void check(IpAddress address) throws ResguardoException {
        if (!contains(address)) {
            throw new ResguardoException(ErrorCode.IP_NOT_ALLOWED, "client address " + address + " is not allowed");
        }
    }

    /** Whether there are no blocks at all (nothing matches). */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Whether a whole address family is admitted: {@code *}, {@code 0.0.0.0/0}, {@code ::/0}, or blocks that add up
     * to one of them ({@code 0.0.0.0/1, 128.0.0.0/1}). Admitting every IPv4 address is admitting the Internet, so
     * preflight treats either family as "everything".
     */
    public boolean matchesEverything() {
        return everything;
    }

    /** The blocks as configured (normalized, in the given order, duplicates kept). */
    public List<Cidr> ranges() {
        return ranges;
    }

    @Override
    public String toString() {
        if (ranges.size() <= MAX_LISTED_IN_TO_STRING) {
            return "Allowlist" + ranges;
        }
        return "Allowlist" + ranges.subList(0, MAX_LISTED_IN_TO_STRING).toString().replace("]", ", …]")
                + " (" + ranges.size() + " blocks)";
    }
}
