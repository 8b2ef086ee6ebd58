package io.resguardo.core.validation;

/**
 * Document number rules per {@link DocumentType}. Messages describe the rule and never the number. Letters are ASCII
 * only; both cases are accepted for CE and passport numbers.
 */
final class Documents {
    private static final int DNI_LENGTH = 8;
    private static final int CE_MIN = 9;
    private static final int CE_MAX = 12;
    private static final int PAS_MIN = 5;
    private static final int PAS_MAX = 20;

    private Documents() {
    }

    /** Whether {@code number} is valid for {@code type}; adds one error otherwise. */
    static boolean check(String field, DocumentType type, String number, FieldErrors errors) {
        switch (type) {
            case DNI:
                return shape(field, number.length() == DNI_LENGTH && Texts.isDigits(number),
                        "must be 8 digits for DNI", errors);
            case CE:
                return shape(field, alphanumeric(number, CE_MIN, CE_MAX),
                        "must be 9 to 12 letters or digits for CE", errors);
            case PAS:
                return shape(field, alphanumeric(number, PAS_MIN, PAS_MAX),
                        "must be 5 to 20 letters or digits for PAS", errors);
            case RUC:
                return ruc(field, number, errors);
            default:
                throw new AssertionError(type);
        }
    }

    private static boolean ruc(String field, String number, FieldErrors errors) {
        if (!shape(field, number.length() == Ruc.LENGTH && Texts.isDigits(number), "must be 11 digits for RUC",
                errors)) {
            return false;
        }
        if (!shape(field, Ruc.hasKnownPrefix(number), "must start with 10, 15, 17 or 20 for RUC", errors)) {
            return false;
        }
        if (!Ruc.hasValidCheckDigit(number)) {
            errors.add(field, FieldErrorCode.INVALID_CHECK_DIGIT, "has an invalid RUC check digit");
            return false;
        }
        return true;
    }

    private static boolean alphanumeric(String number, int min, int max) {
        return number.length() >= min && number.length() <= max && Texts.isAsciiAlphanumeric(number);
    }

    private static boolean shape(String field, boolean valid, String message, FieldErrors errors) {
        if (!valid) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT, message);
        }
        return valid;
    }
}
