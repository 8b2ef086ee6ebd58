package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.FakeTicker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressKeysTest {
    private final AddressKeys slash64 = AddressKeys.byIpv6Slash64();

    /** Literal addresses only: {@code InetAddress.getByName} does no lookup for them. */
    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private AddressKey key(AddressKeys keys, String literal) {
        return keys.keyOf(bytes(literal));
    }

    @ParameterizedTest
    @CsvSource({
            "2001:db8:1:2::1, 2001:db8:1:2:ffff:ffff:ffff:ffff",
            "2001:db8:1:2::1, 2001:db8:1:2:1234:5678:9abc:def0",
            "fe80::1, fe80::2",
    })
    void ipv6AddressesInOneSlash64ShareAKey(String a, String b) {
        assertEquals(key(slash64, a), key(slash64, b));
        assertEquals(key(slash64, a).hashCode(), key(slash64, b).hashCode());
    }

    @ParameterizedTest
    @CsvSource({
            "2001:db8:1:2::1, 2001:db8:1:3::1",
            "2001:db8:1:2::1, 2001:db9:1:2::1",
            "::1, ::ffff:0.0.0.1",
    })
    void ipv6AddressesInDifferentSlash64sDoNot(String a, String b) {
        assertNotEquals(key(slash64, a), key(slash64, b));
    }

    @Test
    void thePrefixIsConfigurable() {
        AddressKeys slash48 = new AddressKeys(48);
        assertEquals(key(slash48, "2001:db8:1:2::1"), key(slash48, "2001:db8:1:ffff::1"));
        assertNotEquals(key(slash48, "2001:db8:1::1"), key(slash48, "2001:db8:2::1"));

        AddressKeys whole = new AddressKeys(128);
        assertNotEquals(key(whole, "2001:db8::1"), key(whole, "2001:db8::2"));

        AddressKeys slash96 = new AddressKeys(96);
        assertEquals(key(slash96, "2001:db8::1:0:1"), key(slash96, "2001:db8::1:ffff:ffff"));
        assertNotEquals(key(slash96, "2001:db8::1:0:1"), key(slash96, "2001:db8::2:0:1"));
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7, 203.0.113.8", "10.0.0.0, 10.0.0.1", "0.0.0.0, 255.255.255.255"})
    void ipv4AddressesAreKeyedWhole(String a, String b) {
        assertNotEquals(key(slash64, a), key(slash64, b));
        assertTrue(key(slash64, a).isIpv4());
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Client() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes("203.0.113.7"), 0, mapped, 12, 4);
        assertEquals(key(slash64, "203.0.113.7"), slash64.keyOf(mapped));
    }

    @Test
    void rendersKeysForTheOperatorDashboard() {
        assertEquals("203.0.113.7", key(slash64, "203.0.113.7").toString());
        assertEquals("2001:db8:1:2:0:0:0:0/64", key(slash64, "2001:db8:1:2:3:4:5:6").toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 129, -1})
    void rejectsAPrefixOutsideThirtyTwoTo128(int prefix) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new AddressKeys(prefix));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 15, 17})
    void rejectsBytesThatAreNoAddress(int length) {
        assertThrows(IllegalArgumentException.class, () -> slash64.keyOf(new byte[length]));
    }

    @Test
    void keysCarryNoBitsBeyondTheirPrefix() {
        assertThrows(IllegalArgumentException.class, () -> new AddressKey(0, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new AddressKey(1, 0, 63));
    }

    @Test
    void compareConsistentlyWithEquals() {
        AddressKey a = key(slash64, "2001:db8::1");
        AddressKey b = key(slash64, "8000::1");
        assertTrue(a.compareTo(b) < 0, "unsigned order");
        assertEquals(0, a.compareTo(key(slash64, "2001:db8::2")));
    }

    @Test
    void rotatingAddressesInsideOneSlash64DoesNotEscapeTheLimit() {
        FakeTicker ticker = new FakeTicker();
        KeyedThrottle<AddressKey> throttle = new KeyedThrottle<>(Rate.parse("5/s"), 100, Duration.ofMinutes(1),
                ticker);
        int admitted = 0;
        for (int host = 1; host <= 50; host++) {
            admitted += throttle.tryAcquire(key(slash64, "2001:db8:1:2::" + Integer.toHexString(host))) == 0 ? 1 : 0;
        }
        assertEquals(5, admitted);
        assertEquals(0, throttle.tryAcquire(key(slash64, "2001:db8:1:3::1")), "the next /64 is another client");
        assertFalse(throttle.tryAcquire(key(slash64, "2001:db8:1:2::abcd")) == 0);
    }
}
