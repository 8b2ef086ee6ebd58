package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.0.0.0, 0.0.0.0, 00000000",
            "1.2.3.4, 1.2.3.4, 01020304",
            "255.255.255.255, 255.255.255.255, ffffffff",
            "10.0.0.1, 10.0.0.1, 0a000001",
            "192.168.100.200, 192.168.100.200, c0a864c8",
    })
    void parsesDottedQuads(String literal, String canonical, String hex) {
        IpAddress address = IpAddress.parse(literal);
        assertTrue(address.isIpv4());
        assertEquals(32, address.bitLength());
        assertEquals(canonical, address.toString());
        assertArrayEquals(HexFormat.of().parseHex(hex), address.toBytes());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8::1, 2001:db8::1",
            "2001:DB8::A:B, 2001:db8::a:b",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "fe80::1:2, fe80::1:2",
            "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "::1.2.3.4, ::102:304",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
            "::ffff:0:1.2.3.4, ::ffff:0:102:304",
    })
    void parsesIpv6InRfc5952CanonicalForm(String literal, String canonical) throws Exception {
        IpAddress address = IpAddress.parse(literal);
        assertFalse(address.isIpv4());
        assertEquals(128, address.bitLength());
        assertEquals(canonical, address.toString());
        // The JDK agrees on the bytes of these literals (used here only as an oracle on literals, never names).
        assertArrayEquals(InetAddress.getByName(literal).getAddress(), address.toBytes());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "::ffff:1.2.3.4, 1.2.3.4",
            "::FFFF:10.0.0.1, 10.0.0.1",
            "::ffff:a00:1, 10.0.0.1",
            "0:0:0:0:0:ffff:c000:0207, 192.0.2.7",
    })
    void normalizesIpv4MappedToIpv4(String literal, String ipv4) {
        IpAddress address = IpAddress.parse(literal);
        assertTrue(address.isIpv4());
        assertEquals(IpAddress.parse(ipv4), address);
        assertEquals(ipv4, address.toString());
        assertEquals(4, address.toBytes().length);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "010.1.2.3          | leading zeros",
            "1.2.3.04           | leading zeros",
            "00.1.2.3           | leading zeros",
            "2130706433         | four decimal parts of at most three digits",
            "1.2.3              | four decimal parts",
            "1.2.3.4.5          | four decimal parts",
            "1.2.3.4.           | four decimal parts",
            ".1.2.3.4           | four decimal parts",
            "1..2.3             | four decimal parts",
            "256.1.1.1          | exceeds 255",
            "1.2.3.1000         | at most three digits",
            "0x7f.0.0.1         | unexpected character 'x'",
            "1.2.3.-4           | unexpected character '-'",
            "localhost          | unexpected character 'l'",
            "example.com        | unexpected character 'e'",
            "fe80::1%eth0       | zone ids",
            "fe80::1%25eth0     | zone ids",
            ":::                | unexpected character ':'",
            "1:::2              | unexpected character ':'",
            "1::2::3            | more than one '::'",
            ":1::2              | single ':'",
            "1::2:              | single ':'",
            "1:2:3:4:5:6:7      | eight groups",
            "1:2:3:4:5:6:7:8:9  | more than eight",
            "1:2:3:4:5:6:7:8::  | at least one group",
            "::1:2:3:4:5:6:7:8  | at least one group",
            "12345::1           | more than four hex digits",
            "g::1               | unexpected character 'g'",
            "[::1]              | unexpected character '['",
            "::ffff:1.2.3       | four decimal parts",
            "::ffff:01.2.3.4    | leading zeros",
            "1.2.3.4::          | unexpected character ':'",
            "1:2:3:4:5:6:7:1.2.3.4 | too many IPv6 groups",
            "' 1.2.3.4'         | unexpected character ' '",
            "１.2.3.4            | unexpected character '１'",
            "''                 | empty",
            "1111:2222:3333:4444:5555:6666:7777:8888:9999:0 | too long",
    })
    void rejectsNonLiteralsNamingTheInput(String literal, String reason) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> IpAddress.parse(literal));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains("'" + literal + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(Optional.empty(), IpAddress.tryParse(literal));
    }

    @Test
    void tryParseNeverThrows() {
        assertEquals(Optional.empty(), IpAddress.tryParse(null));
        assertEquals(Optional.of(IpAddress.parse("::1")), IpAddress.tryParse("::1"));
        Random random = new Random(7);
        String alphabet = "0123456789abcdefABCDEF:.%[]/ ,\"_xX-";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(48);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            IpAddress.tryParse(s.toString()).ifPresent(a -> assertEquals(a, IpAddress.parse(a.toString())));
        }
    }

    @Test
    void roundTripsRandomAddressesThroughTextAndBytes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            if (bytes.length == 16 && random.nextInt(4) == 0) {
                // Zero runs exercise the "::" placement rules.
                int from = random.nextInt(16);
                for (int k = from; k < Math.min(16, from + random.nextInt(12)); k++) {
                    bytes[k] = 0;
                }
            }
            IpAddress address = IpAddress.fromBytes(bytes);
            assertArrayEquals(bytes, address.toBytes());
            assertEquals(address, IpAddress.parse(address.toString()));
            assertEquals(address.hashCode(), IpAddress.parse(address.toString()).hashCode());
        }
    }

    @Test
    void fromBytesNormalizesMappedAndRejectsOtherLengths() {
        byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff0a000001");
        assertEquals(IpAddress.parse("10.0.0.1"), IpAddress.fromBytes(mapped));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.fromBytes(new byte[5]));
    }

    @Test
    void toBytesReturnsACopy() {
        IpAddress address = IpAddress.parse("1.2.3.4");
        address.toBytes()[0] = 9;
        assertEquals("1.2.3.4", address.toString());
    }

    @Test
    void ipv4AndItsIpv6CompatibleFormAreDifferentAddresses() {
        assertNotEquals(IpAddress.parse("1.2.3.4"), IpAddress.parse("::1.2.3.4"));
        assertNotEquals(IpAddress.parse("0.0.0.0"), IpAddress.parse("::"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "::1", "2001:db8::7"})
    void equalsIsValueBased(String literal) {
        assertEquals(IpAddress.parse(literal), IpAddress.parse(literal.toUpperCase()));
    }

    @Test
    void errorMessagesDoNotEchoControlCharacters() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> IpAddress.parse("1.2.3.4\n5"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
