package io.resguardo.core.validation;

/**
 * The check digit of a Peruvian RUC (Registro Único de Contribuyentes, issued by SUNAT).
 *
 * <p>Rule, as implemented by python-stdnum's {@code stdnum.pe.ruc} (which cites sunat.gob.pe/legislacion/ruc) and by
 * the validation script SUNAT publishes: weights 5,4,3,2,7,6,5,4,3,2 over the first ten digits; the check digit is
 * {@code (11 - sum mod 11) mod 10}, that is 11 - remainder with 10 becoming 0 and 11 becoming 1. The first two digits
 * give the kind of taxpayer and must be 10 (natural person), 15, 17 (other natural-person and special registrations)
 * or 20 (legal person). Some validators in the wild also accept 16; we follow stdnum and reject it.
 */
final class Ruc {
    static final int LENGTH = 11;
    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Ruc() {
    }

    /** Whether the 11 digits start with an issued prefix. */
    static boolean hasKnownPrefix(String digits) {
        String prefix = digits.substring(0, 2);
        return prefix.equals("10") || prefix.equals("15") || prefix.equals("17") || prefix.equals("20");
    }

    /** The check digit for the first ten of the given ASCII digits. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 10;
    }

    /** Whether the last of the 11 given ASCII digits is the check digit of the first ten. */
    static boolean hasValidCheckDigit(String digits) {
        return digits.charAt(LENGTH - 1) - '0' == checkDigit(digits);
    }
}
