package io.resguardo.core.allowlist;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Review probes: properties an attacker would try to break, over random inputs. */
class AllowlistAdversarialTest {
    private static final String PROXY = "10.0.0.2";
    private static final IpAddress CLIENT_V4 = IpAddress.parse("198.51.100.7");
    private static final IpAddress CLIENT_V6 = IpAddress.parse("2001:db8::7");

    private final ClientAddressResolver resolver =
            new ClientAddressResolver(Allowlist.parse("10.0.0.0/8, 2001:db8:ffff::/48"));

    /**
     * Whatever a client writes in front of the entry its proxy appends (unbalanced quotes, escapes, duplicate
     * parameters, trusted addresses), the resolver answers the address the proxy appended, or rejects.
     */
    @Test
    void clientTextBeforeTheProxyEntryNeverDisplacesTheClient() {
        Random random = new Random(7);
        String alphabet = "0123456789.:[]\" ,;=\\_-\tforFORpthsunk10.0.0.5 6.6.6.6 \"[2001:db8::6]\"";
        String[] appended = {", for=198.51.100.7", ",for=198.51.100.7;proto=http", ", for=\"198.51.100.7:1234\"",
                ", for=\"[2001:db8::7]\"", ", for=\"[2001:db8::7]:99\";proto=http;by=10.0.0.1", " ,for=198.51.100.7"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder prefix = new StringBuilder();
            int length = random.nextInt(30);
            for (int k = 0; k < length; k++) {
                prefix.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String suffix = appended[random.nextInt(appended.length)];
            IpAddress real = suffix.contains("2001") ? CLIENT_V6 : CLIENT_V4;
            String forwarded = prefix + suffix;
            assertClientOrRejected(real, () -> resolver.resolve(PROXY, false, null, List.of(forwarded), null),
                    forwarded);
            String xff = prefix + ", 198.51.100.7";
            assertClientOrRejected(CLIENT_V4, () -> resolver.resolve(PROXY, false, List.of(xff), null, null), xff);
        }
    }

    /** Blocks anywhere in the 128-bit space, including the sign bit of either half and both ends. */
    @Test
    void matcherAgreesWithALinearScanAcrossTheWholeAddressSpace() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<Cidr> ranges = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int prefix = random.nextInt(129);
                long hi = random.nextLong() & 0xc000_0000_0000_0000L
                        | (random.nextBoolean() ? 0x3fff_ffff_ffff_ffffL : 0);
                long lo = random.nextBoolean() ? random.nextLong() : random.nextBoolean() ? -1L : 0;
                if (random.nextInt(4) == 0) {
                    hi = random.nextBoolean() ? -1L : 0;
                }
                long maskHi = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
                long maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
                IpAddress v6 = IpAddress.ipv6(hi & maskHi, lo & maskLo);
                if (!v6.isIpv4()) {
                    ranges.add(new Cidr(v6, prefix));
                }
                int prefix4 = random.nextInt(33);
                long bits = random.nextBoolean() ? random.nextInt() & 0xffff_ffffL
                        : random.nextBoolean() ? 0xffff_ffffL : 0;
                long mask4 = prefix4 == 0 ? 0 : 0xffff_ffffL << (32 - prefix4) & 0xffff_ffffL;
                ranges.add(new Cidr(IpAddress.ipv4(bits & mask4), prefix4));
            }
            Allowlist allowlist = Allowlist.of(ranges);
            for (int i = 0; i < 2_000; i++) {
                IpAddress candidate = edgeOf(ranges.get(random.nextInt(ranges.size())), random);
                boolean expected = ranges.stream().anyMatch(r -> r.contains(candidate));
                assertEquals(expected, allowlist.contains(candidate), candidate::toString);
            }
        }
    }

    private static IpAddress edgeOf(Cidr block, Random random) {
        int kind = random.nextInt(5);
        if (block.address().isIpv4()) {
            long first = block.address().lo();
            long last = block.lastLo();
            return IpAddress.ipv4(kind == 0 ? first : kind == 1 ? last : kind == 2 ? last + 1
                    : kind == 3 ? first - 1 : random.nextInt());
        }
        long hi = kind % 2 == 0 ? block.address().hi() : block.lastHi();
        long lo = kind % 2 == 0 ? block.address().lo() : block.lastLo();
        if (kind == 2) {
            lo = block.lastLo() + 1;
            hi = block.lastHi() + (lo == 0 ? 1 : 0);
        } else if (kind == 3) {
            lo = block.address().lo() - 1;
            hi = block.address().hi() - (lo == -1L ? 1 : 0);
        } else if (kind == 4) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        return IpAddress.ipv6(hi, lo);
    }

    private static void assertClientOrRejected(IpAddress expected, Resolution resolution, String header) {
        try {
            ResolvedClient client = resolution.run();
            assertEquals(expected, client.address(), header);
            assertFalse(client.secure(), header);
        } catch (ResguardoException e) {
            assertEquals(ErrorCode.IP_NOT_ALLOWED, e.code(), header);
        }
    }

    @FunctionalInterface
    private interface Resolution {
        ResolvedClient run() throws ResguardoException;
    }
}
