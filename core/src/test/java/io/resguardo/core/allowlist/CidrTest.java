package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            // /0 of each family
            "0.0.0.0/0, 0.0.0.0, true",
            "0.0.0.0/0, 255.255.255.255, true",
            "0.0.0.0/0, ::1, false",
            "::/0, ::, true",
            "::/0, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "::/0, 1.2.3.4, false",
            // last inside, first outside
            "10.0.0.0/8, 10.0.0.0, true",
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/8, 9.255.255.255, false",
            "192.168.1.0/31, 192.168.1.0, true",
            "192.168.1.0/31, 192.168.1.1, true",
            "192.168.1.0/31, 192.168.1.2, false",
            "192.168.1.7/32, 192.168.1.7, true",
            "192.168.1.7/32, 192.168.1.8, false",
            "192.168.1.7/32, 192.168.1.6, false",
            "128.0.0.0/1, 255.255.255.255, true",
            "128.0.0.0/1, 127.255.255.255, false",
            "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "2001:db8::/32, 2001:db9::, false",
            "2001:db8::/32, 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, false",
            "2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff, true",
            "2001:db8::/64, 2001:db8:0:1::, false",
            "2001:db8::/65, 2001:db8::7fff:ffff:ffff:ffff, true",
            "2001:db8::/65, 2001:db8::8000:0:0:0, false",
            "2001:db8::/127, 2001:db8::1, true",
            "2001:db8::/127, 2001:db8::2, false",
            "::1/128, ::1, true",
            "::1/128, ::2, false",
            "::1/128, ::, false",
            // mixed families: only the mapped normalization crosses over
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "::ffff:10.0.0.0/104, 10.1.2.3, true",
            "::ffff:10.0.0.0/104, 11.0.0.0, false",
            "10.0.0.0/8, ::10.1.2.3, false",
            "::/96, 10.1.2.3, false",
            "::/96, ::10.1.2.3, true",
    })
    void containsMembersOnly(String cidr, String address, boolean expected) {
        assertEquals(expected, Cidr.parse(cidr).contains(IpAddress.parse(address)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0/8",
            "192.168.1.7, 192.168.1.7/32",
            "::1, ::1/128",
            "2001:DB8::/32, 2001:db8::/32",
            "::ffff:10.0.0.0/104, 10.0.0.0/8",
            "::ffff:0:0/96, 0.0.0.0/0",
            "::ffff:1.2.3.4, 1.2.3.4/32",
            "::ffff:1.2.3.4/128, 1.2.3.4/32",
            "0.0.0.0/0, 0.0.0.0/0",
            "::/0, ::/0",
    })
    void parsesAndNormalizes(String text, String canonical) {
        assertEquals(canonical, Cidr.parse(text).toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.1/8        | host bits are set under the /8 prefix (did you mean 10.0.0.0/8?)",
            "192.168.1.1/31    | host bits",
            "2001:db8::1/32    | did you mean 2001:db8::/32?",
            "::1/0             | did you mean ::/0?",
            "10.0.0.0/33       | out of range for IPv4 (0..32)",
            "::/129            | out of range for IPv6 (0..128)",
            "::ffff:1.2.3.4/129 | out of range (0..128)",
            "::ffff:0.0.0.0/95 | at least /96",
            "10.0.0.0/-1       | decimal number",
            "10.0.0.0/+8       | decimal number",
            "10.0.0.0/08       | decimal number",
            "10.0.0.0/         | decimal number",
            "10.0.0.0/8/8      | decimal number",
            "10.0.0.0/1000     | decimal number",
            "10.0.0.0 /8       | unexpected character ' '",
            "010.0.0.0/8       | leading zeros",
            "10/8              | four decimal parts",
            "10.0.0/24         | four decimal parts",
            "fe80::%eth0/64    | zone ids",
            "/8                | empty address",
            "example.com/24    | unexpected character",
    })
    void rejectsBadBlocksNamingTheInput(String text, String reason) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> Cidr.parse(text));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void constructorValidatesToo() {
        IpAddress ten = IpAddress.parse("10.0.0.1");
        InvalidConfigurationException hostBits = assertThrows(InvalidConfigurationException.class,
                () -> new Cidr(ten, 8));
        assertTrue(hostBits.getMessage().contains("10.0.0.1/8"), hostBits.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> new Cidr(ten, 33));
        assertThrows(InvalidConfigurationException.class, () -> new Cidr(ten, -1));
        assertEquals(new Cidr(ten, 32), Cidr.of(ten));
    }

    @Test
    void ipv4BlockNeverContainsIpv6() {
        assertFalse(Cidr.parse("0.0.0.0/0").contains(IpAddress.parse("::")));
        assertFalse(Cidr.parse("::/0").contains(IpAddress.parse("0.0.0.0")));
    }
}
