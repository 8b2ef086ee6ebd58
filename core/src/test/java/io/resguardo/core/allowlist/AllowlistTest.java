package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowlistTest {
    private static final String CONFIGURED = "10.0.0.0/8, 192.168.1.7, ::1, 2001:db8::/32";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "10.0.0.0, true",
            "10.255.255.255, true",
            "11.0.0.0, false",
            "9.255.255.255, false",
            "192.168.1.7, true",
            "192.168.1.6, false",
            "192.168.1.8, false",
            "::1, true",
            "::2, false",
            "::, false",
            "2001:db8::, true",
            "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "2001:db9::, false",
            "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, false",
            "::ffff:10.9.8.7, true",
            "::10.9.8.7, false",
            "127.0.0.1, false",
    })
    void matchesTheConfiguredBlocks(String address, boolean expected) {
        assertEquals(expected, Allowlist.parse(CONFIGURED).contains(IpAddress.parse(address)));
    }

    @Test
    void checkRejectsWithIpNotAllowed() {
        Allowlist allowlist = Allowlist.parse(CONFIGURED);
        assertDoesNotThrow(() -> allowlist.check(IpAddress.parse("10.1.2.3")));
        ResguardoException e = assertThrows(ResguardoException.class,
                () -> allowlist.check(IpAddress.parse("203.0.113.9")));
        assertEquals(ErrorCode.IP_NOT_ALLOWED, e.code());
        assertTrue(e.getMessage().contains("203.0.113.9"), e.getMessage());
        assertFalse(e.getMessage().contains("10.0.0.0"), "the message must not reveal the allowlist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyConfigurationMatchesNothing(String text) {
        Allowlist allowlist = Allowlist.parse(text);
        assertTrue(allowlist.isEmpty());
        assertFalse(allowlist.matchesEverything());
        assertFalse(allowlist.contains(IpAddress.parse("127.0.0.1")));
        assertFalse(allowlist.contains(IpAddress.parse("::1")));
        assertTrue(Allowlist.of(List.of()).isEmpty());
    }

    @Test
    void wildcardMatchesBothFamiliesExplicitly() {
        Allowlist all = Allowlist.parse(" * ");
        assertTrue(all.matchesEverything());
        assertFalse(all.isEmpty());
        assertTrue(all.contains(IpAddress.parse("0.0.0.0")));
        assertTrue(all.contains(IpAddress.parse("255.255.255.255")));
        assertTrue(all.contains(IpAddress.parse("::")));
        assertTrue(all.contains(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertEquals(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")), all.ranges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "10.0.0.0/8, 0.0.0.0/0", "::ffff:0:0/96",
            "0.0.0.0/1, 128.0.0.0/1", "0.0.0.0/1, 128.0.0.0/2, 192.0.0.0/2", "::/1, 8000::/1"})
    void anySlashZeroOrBlocksAddingUpToOneCountAsEverything(String text) {
        assertTrue(Allowlist.parse(text).matchesEverything());
    }

    @Test
    void ordinaryListsDoNotMatchEverything() {
        assertFalse(Allowlist.parse(CONFIGURED).matchesEverything());
        assertFalse(Allowlist.parse("0.0.0.0/1, 128.0.0.0/2").matchesEverything());
        assertFalse(Allowlist.loopback().matchesEverything());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8,,1.2.3.4     | empty entry",
            "10.0.0.0/8,             | empty entry",
            ",10.0.0.0/8             | empty entry",
            "10.0.0.0/8, *           | only entry",
            "*, *                    | only entry",
            "10.0.0.1/8              | '10.0.0.1/8': host bits",
            "10.0.0.0/8, 010.1.2.3   | '010.1.2.3': leading zeros",
            "10.0.0.0/8; 10.1.0.0/16 | decimal number",
            "localhost               | 'localhost'",
    })
    void rejectsBadConfigurationNamingTheEntry(String text, String reason) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Allowlist.parse(text));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void overlappingAndAdjacentRangesAreFine() {
        Allowlist allowlist = Allowlist.parse(
                "10.0.0.0/8, 10.1.0.0/16, 10.1.2.3, 11.0.0.0/8, 10.0.0.0/8, 2001:db8::/32, 2001:db8:1::/48, 2001:db9::/32");
        assertEquals(8, allowlist.ranges().size());
        assertTrue(allowlist.contains(IpAddress.parse("10.1.2.3")));
        assertTrue(allowlist.contains(IpAddress.parse("11.255.255.255")));
        assertFalse(allowlist.contains(IpAddress.parse("12.0.0.0")));
        assertFalse(allowlist.contains(IpAddress.parse("9.255.255.255")));
        assertTrue(allowlist.contains(IpAddress.parse("2001:db9:ffff::")));
        assertFalse(allowlist.contains(IpAddress.parse("2001:dba::")));
        assertFalse(allowlist.contains(IpAddress.parse("2001:db7::")));
    }

    @Test
    void rangesAtTheTopOfTheAddressSpaceMerge() {
        Allowlist allowlist = Allowlist.parse(
                "255.255.255.255, 255.255.255.0/24, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128, ffff::/16, ffff:ffff::/32");
        assertTrue(allowlist.contains(IpAddress.parse("255.255.255.255")));
        assertTrue(allowlist.contains(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertTrue(allowlist.contains(IpAddress.parse("ffff::1")));
        assertFalse(allowlist.contains(IpAddress.parse("fffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
    }

    @Test
    void loopbackCoversBothFamilies() {
        Allowlist loopback = Allowlist.loopback();
        assertTrue(loopback.contains(IpAddress.parse("127.0.0.1")));
        assertTrue(loopback.contains(IpAddress.parse("127.255.255.255")));
        assertTrue(loopback.contains(IpAddress.parse("::1")));
        assertTrue(loopback.contains(IpAddress.parse("::ffff:127.0.0.1")));
        assertFalse(loopback.contains(IpAddress.parse("128.0.0.0")));
        assertFalse(loopback.contains(IpAddress.parse("::2")));
    }

    @Test
    void agreesWithALinearScanOnTenThousandRandomRanges() {
        Random random = new Random(20_261_126);
        List<Cidr> ranges = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ranges.add(randomCidr(random));
        }
        Allowlist allowlist = Allowlist.of(ranges);
        assertEquals(10_000, allowlist.ranges().size());
        int hits = 0;
        for (int i = 0; i < 20_000; i++) {
            IpAddress address = candidate(random, ranges);
            boolean expected = ranges.stream().anyMatch(r -> r.contains(address));
            assertEquals(expected, allowlist.contains(address), address::toString);
            hits += expected ? 1 : 0;
        }
        assertTrue(hits > 2_000 && hits < 18_000, "want both hits and misses, got " + hits + " hits");
    }

    private static Cidr randomCidr(Random random) {
        if (random.nextBoolean()) {
            int prefix = 14 + random.nextInt(19);
            long bits = random.nextInt() & 0xffff_ffffL;
            long mask = prefix == 0 ? 0 : 0xffff_ffffL << (32 - prefix) & 0xffff_ffffL;
            return new Cidr(IpAddress.ipv4(bits & mask), prefix);
        }
        int prefix = 16 + random.nextInt(113);
        // Share a few top bits so that IPv6 blocks overlap and nest instead of scattering.
        long hi = 0x2001_0db8_0000_0000L | random.nextLong() & 0x0000_0000_ffff_ffffL & (random.nextBoolean() ? -1L : 0xffL);
        long lo = random.nextLong();
        long maskHi = prefix >= 64 ? -1L : -1L << (64 - prefix);
        long maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return new Cidr(IpAddress.ipv6(hi & maskHi, lo & maskLo), prefix);
    }

    /** Random addresses, and addresses at, just inside and just outside the edges of known blocks. */
    private static IpAddress candidate(Random random, List<Cidr> ranges) {
        Cidr block = ranges.get(random.nextInt(ranges.size()));
        IpAddress first = block.address();
        switch (random.nextInt(6)) {
            case 0:
                return first;
            case 1:
                return lastOf(block);
            case 2:
                return offset(lastOf(block), 1);
            case 3:
                return offset(first, -1);
            case 4:
                return offset(first, random.nextInt(1 << 12));
            default:
                return random.nextBoolean() ? IpAddress.ipv4(random.nextInt())
                        : IpAddress.ipv6(0x2001_0db8_0000_0000L | random.nextInt() & 0xffff_ffffL, random.nextLong());
        }
    }

    private static IpAddress lastOf(Cidr block) {
        return block.address().isIpv4() ? IpAddress.ipv4(block.lastLo()) : IpAddress.ipv6(block.lastHi(), block.lastLo());
    }

    private static IpAddress offset(IpAddress address, long delta) {
        if (address.isIpv4()) {
            return IpAddress.ipv4(address.lo() + delta);
        }
        long lo = address.lo() + delta;
        long carry = delta > 0 && Long.compareUnsigned(lo, address.lo()) < 0 ? 1
                : delta < 0 && Long.compareUnsigned(lo, address.lo()) > 0 ? -1 : 0;
        return IpAddress.ipv6(address.hi() + carry, lo);
    }
}
