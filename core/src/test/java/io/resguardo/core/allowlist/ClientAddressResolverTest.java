package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressResolverTest {
    private static final String PROXY = "10.0.0.2";
    private static final String CLIENT = "198.51.100.7";
    private final ClientAddressResolver resolver =
            new ClientAddressResolver(Allowlist.parse("10.0.0.0/8, 2001:db8:ffff::/48"));

    private static List<String> h(String... occurrences) {
        return Arrays.asList(occurrences);
    }

    private ResolvedClient viaProxy(List<String> xff, List<String> forwarded) throws ResguardoException {
        return resolver.resolve(PROXY, false, xff, forwarded, null);
    }

    private IpAddress addressViaXff(String... xff) throws ResguardoException {
        return viaProxy(h(xff), null).address();
    }

    private IpAddress addressViaForwarded(String... forwarded) throws ResguardoException {
        return viaProxy(null, h(forwarded)).address();
    }

    private static IpAddress ip(String literal) {
        return IpAddress.parse(literal);
    }

    private void assertRejected(Executable call) {
        ResguardoException e = assertThrows(ResguardoException.class, call::run);
        assertEquals(ErrorCode.IP_NOT_ALLOWED, e.code());
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws ResguardoException;
    }

    // --- untrusted peer -------------------------------------------------------------------------------------

    @Test
    void untrustedPeerWithSpoofedHeadersChangesNothing() throws Exception {
        ResolvedClient client = resolver.resolve("203.0.113.5", false, h("10.0.0.9", "1.2.3.4"),
                h("for=1.2.3.4;proto=https;host=evil.example"), h("https"), h("evil.example"));
        assertEquals(ip("203.0.113.5"), client.address());
        assertFalse(client.secure());
        assertFalse(client.viaTrustedProxy());
        assertEquals(Optional.empty(), client.forwardedHost());
    }

    @Test
    void untrustedPeerKeepsItsOwnTlsWhateverTheProtoHeaderSays() throws Exception {
        assertTrue(resolver.resolve("203.0.113.5", true, null, null, h("http")).secure());
    }

    @Test
    void untrustedPeerIsNeverRejectedForMalformedHeaders() throws Exception {
        ResolvedClient client = resolver.resolve("203.0.113.5", false, h("garbage"), h("for=\"unterminated"),
                h("x".repeat(100_000)), null);
        assertEquals(ip("203.0.113.5"), client.address());
    }

    @Test
    void resolverTrustingNobodyAlwaysAnswersThePeer() throws Exception {
        ResolvedClient client = ClientAddressResolver.direct().resolve("127.0.0.1", false, h(CLIENT), null, null);
        assertEquals(ip("127.0.0.1"), client.address());
        assertFalse(client.viaTrustedProxy());
    }

    // --- peer forms -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0:0:0:0:0:0:0:1, ::1",
            "[0:0:0:0:0:0:0:1], ::1",
            "fe80:0:0:0:0:0:0:1%eth0, fe80::1",
            "fe80::1%4, fe80::1",
            "::ffff:203.0.113.5, 203.0.113.5",
            "203.0.113.5, 203.0.113.5",
    })
    void acceptsServletRemoteAddressForms(String peer, String expected) throws Exception {
        assertEquals(ip(expected), resolver.resolve(peer, false, null, null, null).address());
    }

    @Test
    void mappedPeerOfATrustedProxyIsTrusted() throws Exception {
        ResolvedClient client = resolver.resolve("::ffff:10.0.0.2", false, h(CLIENT), null, null);
        assertEquals(ip(CLIENT), client.address());
        assertTrue(client.viaTrustedProxy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "unix:/tmp/socket", "1.2.3.4:80", "fe80::1%", "[::1"})
    void rejectsAPeerThatIsNoAddress(String peer) {
        assertRejected(() -> resolver.resolve(peer, false, null, null, null));
    }

    @Test
    void rejectsANullPeer() {
        assertRejected(() -> resolver.resolve(null, false, null, null, null));
    }

    // --- X-Forwarded-For -------------------------------------------------------------------------------------

    @Test
    void trustedPeerWithoutForwardingHeadersIsTheClient() throws Exception {
        ResolvedClient client = viaProxy(null, List.of());
        assertEquals(ip(PROXY), client.address());
        assertTrue(client.viaTrustedProxy());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "198.51.100.7                              | 198.51.100.7",
            "198.51.100.7, 10.0.0.9                    | 198.51.100.7",
            "198.51.100.7,10.0.0.9,10.1.1.1            | 198.51.100.7",
            "1.1.1.1, 198.51.100.7                     | 198.51.100.7",
            "10.0.0.5, 198.51.100.7                    | 198.51.100.7",
            "garbage, unknown, 198.51.100.7            | 198.51.100.7",
            "10.0.0.7, 10.0.0.8                        | 10.0.0.7",
            "198.51.100.7:5678                         | 198.51.100.7",
            "[2001:db8::1]:443, 10.0.0.9               | 2001:db8::1",
            "[2001:db8::1]                             | 2001:db8::1",
            "2001:db8::1, 2001:db8:ffff::1             | 2001:db8::1",
            "::ffff:198.51.100.7                       | 198.51.100.7",
            "'198.51.100.7 , , 10.0.0.9 '              | 198.51.100.7",
    })
    void walksXForwardedForFromTheRightToTheFirstUntrustedHop(String xff, String expected) throws Exception {
        assertEquals(ip(expected), addressViaXff(xff));
    }

    @Test
    void joinsRepeatedXForwardedForHeadersInOrder() throws Exception {
        assertEquals(ip(CLIENT), addressViaXff("1.1.1.1, " + CLIENT, "10.0.0.9"));
        assertEquals(ip("10.9.9.9"), addressViaXff("10.9.9.9", "10.0.0.9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "unknown", "198.51.100.7, garbage", "198.51.100.7, 10.0.0.9, unknown",
            "1.2.3", "010.1.2.3", "198.51.100.7:99999", "[2001:db8::1]x", "fe80::1%eth0", "2001:db8::1:443x"})
    void rejectsWhenTheClientHopNamesNoAddress(String xff) {
        assertRejected(() -> addressViaXff(xff));
    }

    @Test
    void blankAndNullEntriesMeanAbsent() throws Exception {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("  ");
        assertEquals(ip(PROXY), viaProxy(withNull, withNull).address());
        assertEquals(ip(PROXY), addressViaXff(","));
    }

    @Test
    void walksAtMostThirtyTwoHops() throws Exception {
        List<String> trusted = new ArrayList<>(Collections.nCopies(32, "10.0.0.9"));
        assertEquals(ip("10.0.0.9"), addressViaXff(String.join(",", trusted)));
        trusted.add(0, CLIENT);
        assertRejected(() -> addressViaXff(String.join(",", trusted)));
        List<String> longChain = new ArrayList<>(Collections.nCopies(100, "1.1.1.1"));
        longChain.add(CLIENT);
        assertEquals(ip(CLIENT), addressViaXff(String.join(",", longChain)));
    }

    @Test
    void rejectsOverlongForwardingHeadersFromATrustedPeer() {
        String huge = "1.1.1.1, ".repeat(1000) + CLIENT;
        assertRejected(() -> addressViaXff(huge));
        assertRejected(() -> addressViaForwarded("for=" + huge.replace(", ", ", for=")));
    }

    // --- Forwarded -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "for=198.51.100.7                                           | 198.51.100.7",
            "for=198.51.100.7;proto=https;by=203.0.113.43               | 198.51.100.7",
            "FOR=198.51.100.7                                           | 198.51.100.7",
            "For=\"198.51.100.7\"                                       | 198.51.100.7",
            "for=\"198.51.100.7:4711\"                                  | 198.51.100.7",
            "for=\"198.51.100.7:_port\"                                 | 198.51.100.7",
            "for=\"[2001:db8:cafe::17]:4711\"                           | 2001:db8:cafe::17",
            "for=\"[2001:db8:cafe::17]\"                                | 2001:db8:cafe::17",
            "for=\"\\[2001:db8:cafe::17\\]\"                            | 2001:db8:cafe::17",
            "for=1.1.1.1, for=198.51.100.7                              | 198.51.100.7",
            "for=198.51.100.7, for=10.0.0.9;proto=http                  | 198.51.100.7",
            "for=198.51.100.7 ,for=10.0.0.9                             | 198.51.100.7",
            "for=198.51.100.7;  proto=https ; host=shop.example         | 198.51.100.7",
            "for=198.51.100.7;ext=\"a,b;c=d\", for=10.0.0.9             | 198.51.100.7",
            "for=garbage, for=\"1.2.3.4\"junk, for=198.51.100.7        | 198.51.100.7",
            "for=10.0.0.7, for=10.0.0.8                                 | 10.0.0.7",
            "for=\"[2001:db8:ffff::5]\", for=10.0.0.8                   | 2001:db8:ffff::5",
    })
    void walksForwardedForFromTheRight(String forwarded, String expected) throws Exception {
        assertEquals(ip(expected), addressViaForwarded(forwarded));
    }

    @Test
    void joinsRepeatedForwardedHeaders() throws Exception {
        assertEquals(ip(CLIENT), addressViaForwarded("for=1.1.1.1", "for=" + CLIENT, "for=10.0.0.9;proto=http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "for=unknown",
            "for=_hidden",
            "for=\"_gazonk\"",
            "proto=https",
            "for=198.51.100.7;for=1.1.1.1",
            "for=198.51.100.7;proto=https;proto=http",
            "for=[2001:db8::1]",
            "for=198.51.100.7:80",
            "for=\"[2001:db8::1]:99999\"",
            "for=\"[1.2.3.4]\"",
            "for=\"198.51.100.7",
            "for=1.1.1.1, for=\"unterminated;, for=198.51.100.7",
            "for 198.51.100.7",
            "for=198.51.100.7 junk",
            "for=",
            "=198.51.100.7",
            "for=1.1.1.1, for=unknown, for=10.0.0.9",
    })
    void rejectsWhenTheClientElementNamesNoAddress(String forwarded) {
        assertRejected(() -> addressViaForwarded(forwarded));
    }

    @Test
    void bothHeadersMustAgreeOnTheClient() throws Exception {
        assertEquals(ip(CLIENT), viaProxy(h("1.1.1.1, " + CLIENT), h("for=" + CLIENT)).address());
        assertRejected(() -> viaProxy(h(CLIENT), h("for=1.1.1.1")));
        assertRejected(() -> viaProxy(h("1.1.1.1"), h("for=" + CLIENT)));
        assertRejected(() -> viaProxy(h(CLIENT), h("for=unknown")));
    }

    // --- protocol --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "tls={0} xfp={1} forwarded={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "false | https         | -                                   | true",
            "false | HTTPS         | -                                   | true",
            "true  | http          | -                                   | false",
            "false | 'https, https'| -                                   | true",
            "false | 'https, http' | -                                   | false",
            "false | 'http, https' | -                                   | false",
            "false | wss           | -                                   | false",
            "false | 'https, '     | -                                   | true",
            "false | -             | for=198.51.100.7;proto=https        | true",
            "false | -             | for=198.51.100.7;PROTO=HTTPS        | true",
            "true  | -             | for=198.51.100.7;proto=http         | false",
            "false | https         | for=198.51.100.7;proto=https        | true",
            "false | https         | for=198.51.100.7;proto=http         | false",
            "false | http          | for=198.51.100.7;proto=https        | false",
            "false | -             | for=198.51.100.7;proto=ftp          | false",
            "false | -             | for=1.1.1.1;proto=http, for=198.51.100.7;proto=https | true",
            "false | -             | for=198.51.100.7;proto=https, for=10.0.0.9;proto=http | true",
            "true  | -             | for=198.51.100.7                    | true",
            "false | -             | for=198.51.100.7                    | false",
            "true  | -             | -                                   | true",
            "false | -             | -                                   | false",
    })
    void believesTheSchemeFromTrustedProxiesOnlyWhenUnanimous(boolean tls, String xfp, String forwarded,
                                                              boolean expected) throws Exception {
        ResolvedClient client = resolver.resolve(PROXY, tls, null, forwarded == null ? null : h(forwarded),
                xfp == null ? null : h(xfp));
        assertEquals(expected, client.secure());
    }

    @Test
    void duplicatedProtoHeaderIsNotSecureEvenWhenTheValuesAgree() throws Exception {
        assertFalse(resolver.resolve(PROXY, true, null, null, h("https", "https")).secure());
        assertFalse(resolver.resolve(PROXY, true, null, null, h("https", "http")).secure());
    }

    @Test
    void overlongProtoHeaderIsNotSecure() throws Exception {
        assertFalse(resolver.resolve(PROXY, true, null, null, h("https,".repeat(100))).secure());
    }

    // --- host ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "xfh={0} forwarded={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "shop.example          | -                                          | shop.example",
            "Shop.Example:8443     | -                                          | shop.example:8443",
            "-                     | for=198.51.100.7;host=shop.example         | shop.example",
            "-                     | for=198.51.100.7;host=\"[2001:db8::1]:8443\" | [2001:db8::1]:8443",
            "shop.example          | for=198.51.100.7;host=SHOP.example         | shop.example",
            "shop.example          | for=198.51.100.7;host=other.example        | -",
            "'shop.example, other' | -                                          | -",
            "'bad host'            | -                                          | -",
            "shop.example:99999    | -                                          | -",
            "'shop.example/path'   | -                                          | -",
            "-                     | for=1.1.1.1;host=evil, for=198.51.100.7    | -",
            "-                     | -                                          | -",
    })
    void reportsTheForwardedHostOnlyWhenValidAndUncontested(String xfh, String forwarded, String expected)
            throws Exception {
        ResolvedClient client = resolver.resolve(PROXY, false, null, forwarded == null ? null : h(forwarded),
                null, xfh == null ? null : h(xfh));
        assertEquals(Optional.ofNullable(expected), client.forwardedHost());
    }

    @Test
    void repeatedForwardedHostHeadersMustAgree() throws Exception {
        assertEquals(Optional.of("shop.example"), resolver.resolve(PROXY, false, null, null, null,
                h("shop.example", "shop.example")).forwardedHost());
        assertEquals(Optional.empty(), resolver.resolve(PROXY, false, null, null, null,
                h("shop.example", "evil.example")).forwardedHost());
    }

    // --- robustness ------------------------------------------------------------------------------------------

    @Test
    void neverThrowsUncheckedWhateverTheHeaders() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEF:.%[]/ ,;=\"\\_xX-\tforpthsunk\u00e9\u0000\u2028";
        for (int i = 0; i < 50_000; i++) {
            List<String> values = new ArrayList<>();
            for (int header = 0; header < 4; header++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(40);
                for (int k = 0; k < length; k++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(s.toString());
            }
            try {
                resolver.resolve(PROXY, random.nextBoolean(), h(values.get(0)), h("for=" + values.get(1)),
                        h(values.get(2)), h(values.get(3)));
            } catch (ResguardoException e) {
                assertEquals(ErrorCode.IP_NOT_ALLOWED, e.code());
            }
        }
    }
}
