package io.resguardo.core.allowlist;

import io.resguardo.core.internal.Hex;

/**
 * Hand-written parsers for address literals. Nothing here ever resolves a name: text that is not a literal is an
 * error, never a DNS query.
 *
 * <p>Every method works on a slice of a string and returns {@code null} (or {@code -1}) on bad input instead of
 * throwing, so the same code serves start-up parsing (which turns the reason into an
 * {@link io.resguardo.core.InvalidConfigurationException}) and request-time parsing of attacker-controlled headers
 * (which must never throw and should not pay for stack traces).
 */
final class Literals {
    /** {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}, the longest literal without a zone id. */
    static final int MAX_ADDRESS_LENGTH = 45;
    private static final int MAX_QUOTED_LENGTH = 80;

    private Literals() {
    }

    /**
     * Parses the IPv4 or IPv6 literal in {@code s[from, to)}. IPv4-mapped IPv6 comes back as IPv4.
     *
     * @param why receives the reason on failure; may be {@code null} at request time
     * @return the address, or {@code null} when the slice is not a literal
     */
    static IpAddress parseAddress(String s, int from, int to, StringBuilder why) {
        int length = to - from;
        if (length <= 0) {
            return fail(why, "empty address");
        }
        if (length > MAX_ADDRESS_LENGTH) {
            return fail(why, "too long for an IP address");
        }
        boolean colon = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (c == '%') {
                return fail(why, "zone ids are not allowed");
            }
        }
        if (colon) {
            return parseIpv6(s, from, to, why);
        }
        long v4 = parseIpv4(s, from, to, why);
        return v4 < 0 ? null : IpAddress.ipv4(v4);
    }

    /**
     * Parses exactly four decimal parts without leading zeros: {@code 010.1.2.3} (octal to some parsers),
     * {@code 2130706433} and {@code 1.2.3} (inet_aton shorthands) are refused because they mean different
     * addresses to different software.
     *
     * @return the address as an unsigned 32-bit value, or {@code -1}
     */
    static long parseIpv4(String s, int from, int to, StringBuilder why) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int part = 0;
            while (i < to && isDigit(s.charAt(i))) {
                if (i - start == 3) {
                    return failLong(why, "IPv4 needs four decimal parts of at most three digits (a.b.c.d)");
                }
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return failLong(why, i < to && s.charAt(i) != '.'
                        ? "unexpected character " + describe(s.charAt(i))
                        : "IPv4 needs exactly four decimal parts (a.b.c.d)");
            }
            if (i - start > 1 && s.charAt(start) == '0') {
                return failLong(why, "leading zeros are not allowed in IPv4 (some parsers read them as octal)");
            }
            if (part > 255) {
                return failLong(why, "an IPv4 part exceeds 255");
            }
            value = value << 8 | part;
            parts++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.') {
                return failLong(why, "unexpected character " + describe(s.charAt(i)));
            }
            i++;
            if (parts == 4) {
                return failLong(why, "IPv4 needs exactly four decimal parts (a.b.c.d)");
            }
        }
        if (parts != 4) {
            return failLong(why, "IPv4 needs exactly four decimal parts (a.b.c.d), not a shorthand");
        }
        return value;
    }

    private static IpAddress parseIpv6(String s, int from, int to, StringBuilder why) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (s.startsWith("::", from)) {
            gap = 0;
            i = from + 2;
            if (i == to) {
                return IpAddress.ipv6(0, 0);
            }
        } else if (s.charAt(from) == ':') {
            return fail(why, "an IPv6 address cannot start with a single ':'");
        }
        while (true) {
            int start = i;
            int group = 0;
            while (i < to && Hex.value(s.charAt(i)) >= 0) {
                if (i - start == 4) {
                    return fail(why, "an IPv6 group has more than four hex digits");
                }
                group = group << 4 | Hex.value(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                if (count > 6) {
                    return fail(why, "too many IPv6 groups before the embedded IPv4 part");
                }
                long v4 = parseIpv4(s, start, to, why);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                break;
            }
            if (i == start) {
                return fail(why, i == to ? "an IPv6 address cannot end with a single ':'"
                        : "unexpected character " + describe(s.charAt(i)));
            }
            if (count == 8) {
                return fail(why, "more than eight IPv6 groups");
            }
            groups[count++] = group;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return fail(why, "unexpected character " + describe(s.charAt(i)));
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return fail(why, "more than one '::'");
                }
                gap = count;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return fail(why, "an IPv6 address cannot end with a single ':'");
            }
        }
        if (gap < 0 && count != 8) {
            return fail(why, "IPv6 needs eight groups unless '::' stands for the zeros");
        }
        if (gap >= 0 && count > 7) {
            return fail(why, "'::' must stand for at least one group");
        }
        int zeros = 8 - count;
        long hi = 0;
        long lo = 0;
        for (int k = 0, source = 0; k < 8; k++) {
            int group = gap >= 0 && k >= gap && k < gap + zeros ? 0 : groups[source++];
            if (k < 4) {
                hi = hi << 16 | group;
            } else {
                lo = lo << 16 | group;
            }
        }
        return IpAddress.ipv6(hi, lo);
    }

    /**
     * The servlet {@code getRemoteAddr()} forms: a plain literal, possibly in brackets (some containers bracket
     * IPv6), possibly with a zone id ({@code fe80:0:0:0:0:0:0:1%eth0}, as {@code InetAddress.getHostAddress()}
     * prints link-local peers). The zone is dropped: allowlists cannot name zones, so matching ignores them.
     */
    static IpAddress parsePeer(String s) {
        if (s == null) {
            return null;
        }
        int from = 0;
        int to = s.length();
        if (to >= 2 && s.charAt(0) == '[' && s.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        int percent = s.indexOf('%', from);
        if (percent >= 0 && percent < to) {
            if (s.lastIndexOf(':', percent) < from || percent == to - 1) {
                return null;
            }
            to = percent;
        }
        return parseAddress(s, from, to, null);
    }

    /**
     * An {@code X-Forwarded-For} entry: IPv4, IPv4 with a port, bare IPv6, or bracketed IPv6 with an optional
     * port ({@code [2001:db8::1]:443}). {@code unknown} and anything else give {@code null}.
     */
    static IpAddress parseForwardedForEntry(String s, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (s.charAt(from) == '[') {
            return parseBracketed(s, from, to, false);
        }
        int firstColon = indexOf(s, ':', from, to);
        if (firstColon < 0) {
            return parseIpv4Node(s, from, to);
        }
        if (indexOf(s, ':', firstColon + 1, to) < 0) {
            return isPort(s, firstColon + 1, to, false) ? parseIpv4Node(s, from, firstColon) : null;
        }
        return parseAddress(s, from, to, null);
    }

    /**
     * An RFC 7239 {@code node} (already unquoted): {@code IPv4address [":" node-port]} or
     * {@code "[" IPv6address "]" [":" node-port]}. {@code unknown} and obfuscated identifiers ({@code _hidden})
     * name no address and give {@code null}, as does anything malformed.
     */
    static IpAddress parseForwardedNode(String s) {
        int to = s.length();
        if (to == 0) {
            return null;
        }
        if (s.charAt(0) == '[') {
            return parseBracketed(s, 0, to, true);
        }
        int colon = indexOf(s, ':', 0, to);
        if (colon < 0) {
            return parseIpv4Node(s, 0, to);
        }
        return isPort(s, colon + 1, to, true) ? parseIpv4Node(s, 0, colon) : null;
    }

    private static IpAddress parseIpv4Node(String s, int from, int to) {
        long v4 = parseIpv4(s, from, to, null);
        return v4 < 0 ? null : IpAddress.ipv4(v4);
    }

    private static IpAddress parseBracketed(String s, int from, int to, boolean obfuscatedPortAllowed) {
        int close = indexOf(s, ']', from + 1, to);
        if (close < 0 || indexOf(s, ':', from + 1, close) < 0) {
            return null;
        }
        if (close + 1 < to && (s.charAt(close + 1) != ':' || !isPort(s, close + 2, to, obfuscatedPortAllowed))) {
            return null;
        }
        return parseAddress(s, from + 1, close, null);
    }

    /** {@code port = 1*5DIGIT} (at most 65535), or RFC 7239 {@code obfport = "_" 1*(ALPHA / DIGIT / "." / "_" / "-")}. */
    private static boolean isPort(String s, int from, int to, boolean obfuscatedAllowed) {
        if (from >= to) {
            return false;
        }
        if (obfuscatedAllowed && s.charAt(from) == '_') {
            for (int i = from + 1; i < to; i++) {
                char c = s.charAt(i);
                if (!isAlphaNumeric(c) && c != '.' && c != '_' && c != '-') {
                    return false;
                }
            }
            return to - from > 1;
        }
        if (to - from > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    /**
     * Whether {@code s} is a {@code Host}-style authority: a DNS-style name, an IPv4 literal or a bracketed IPv6
     * literal, with an optional numeric port.
     */
    static boolean isAuthority(String s, int maxLength) {
        int to = s.length();
        if (to == 0 || to > maxLength) {
            return false;
        }
        int hostEnd;
        if (s.charAt(0) == '[') {
            int close = s.indexOf(']');
            if (close < 0 || parseAddress(s, 1, close, null) == null || indexOf(s, ':', 1, close) < 0) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            int colon = s.indexOf(':');
            hostEnd = colon < 0 ? to : colon;
            if (hostEnd == 0) {
                return false;
            }
            for (int i = 0; i < hostEnd; i++) {
                char c = s.charAt(i);
                if (!isAlphaNumeric(c) && c != '.' && c != '-' && c != '_') {
                    return false;
                }
            }
        }
        return hostEnd == to || s.charAt(hostEnd) == ':' && isPort(s, hostEnd + 1, to, false);
    }

    /** The input for an error message: quoted, control characters replaced, shortened. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED_LENGTH) + 5).append('\'');
        for (int i = 0; i < s.length() && i < MAX_QUOTED_LENGTH; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > MAX_QUOTED_LENGTH) {
            out.append('…');
        }
        return out.append('\'').toString();
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphaNumeric(char c) {
        return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static IpAddress fail(StringBuilder why, String reason) {
        if (why != null) {
            why.append(reason);
        }
        return null;
    }

    private static long failLong(StringBuilder why, String reason) {
        fail(why, reason);
        return -1;
    }
}
