package io.resguardo.core.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RucCheckDigitTest {

    /**
     * Independent restatement of SUNAT's rule, written the way SUNAT's own script reads: 11 minus the remainder, where
     * 10 becomes 0 and 11 becomes 1.
     */
    static int expectedCheckDigit(String first10) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += Character.digit(first10.charAt(i), 10) * weights[i];
        }
        int difference = 11 - sum % 11;
        return difference == 10 ? 0 : difference == 11 ? 1 : difference;
    }

    /** Valid RUCs generated from a fixed seed, two per prefix. */
    static String[] generated() {
        Random random = new Random(42);
        String[] out = new String[8];
        String[] prefixes = {"10", "15", "17", "20"};
        for (int i = 0; i < out.length; i++) {
            StringBuilder ruc = new StringBuilder(prefixes[i % prefixes.length]);
            while (ruc.length() < 10) {
                ruc.append(random.nextInt(10));
            }
            out[i] = ruc.append(expectedCheckDigit(ruc.toString())).toString();
        }
        return out;
    }

    @ParameterizedTest
    // 20100047218: sum 2*5+0*4+1*3+0*2+0*7+0*6+4*5+7*4+2*3+1*2 = 69, 69 mod 11 = 3, 11 - 3 = 8. 20512333797 is the
    // example of python-stdnum. 10254824220: sum 133, remainder 1, 11 - 1 = 10, so 0.
    @ValueSource(strings = {"20100047218", "20512333797", "10254824220"})
    void acceptsPublishedRucs(String ruc) {
        assertTrue(Ruc.hasKnownPrefix(ruc));
        assertTrue(Ruc.hasValidCheckDigit(ruc));
    }

    @Test
    void agreesWithTheIndependentRuleOnGeneratedRucsAndRejectsEveryOtherLastDigit() {
        for (String ruc : generated()) {
            assertTrue(Ruc.hasValidCheckDigit(ruc), ruc);
            for (int wrong = 0; wrong < 10; wrong++) {
                String altered = ruc.substring(0, 10) + wrong;
                assertEquals(altered.equals(ruc), Ruc.hasValidCheckDigit(altered), altered);
            }
        }
    }

    @Test
    void coversTheRemaindersThatWrapToZeroAndOne() {
        boolean zero = false;
        boolean one = false;
        for (int body = 0; body < 2000 && !(zero && one); body++) {
            String first10 = "20" + String.format("%08d", body * 7919 % 100_000_000);
            int digit = Ruc.checkDigit(first10 + "0");
            assertEquals(expectedCheckDigit(first10), digit, first10);
            zero |= digit == 0;
            one |= digit == 1;
        }
        assertTrue(zero && one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"16100047218", "00100047218", "30100047218", "11100047218"})
    void rejectsUnissuedPrefixes(String ruc) {
        assertFalse(Ruc.hasKnownPrefix(ruc));
    }
}
