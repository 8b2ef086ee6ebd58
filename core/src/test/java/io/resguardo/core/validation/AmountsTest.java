package io.resguardo.core.validation;

import io.resguardo.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountsTest {

    @ParameterizedTest
    @CsvSource({
            "0.01, 0.01",
            "0.5, 0.50",
            "1, 1.00",
            "10.5, 10.50",
            "150, 150.00",
            "150.0, 150.00",
            "150.00, 150.00",
            "999999.99, 999999.99",
            "999999, 999999.00"})
    void parsesPlainDecimalsFromStringsAndNumbersToScaleTwo(String text, String expected) throws Exception {
        for (RawValue raw : List.of(RawValue.text(text), RawValue.number(text))) {
            BigDecimal amount = Amounts.parse("amount", raw);
            assertEquals(new BigDecimal(expected), amount);
            assertEquals(2, amount.scale());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E3", "1.5e2", "-1", "+1", "-0.01", "1.234", "1.230", "1,00", " 1.00", "1.00 ",
            "0150.00", "00.50", "150.", ".5", "0x10", "NaN", "Infinity", "1 000", "1.2.3", "１", "٣", "1_000", "$1"})
    void rejectsAnythingButCanonicalPlainDecimalAsInvalidFormat(String text) {
        assertSingleError(RawValue.text(text), FieldErrorCode.INVALID_FORMAT);
        assertSingleError(RawValue.number(text), FieldErrorCode.INVALID_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.00", "1000000", "1000000.00", "12345678901234567890"})
    void rejectsZeroAndAmountsAboveTheCapAsOutOfRange(String text) {
        assertSingleError(RawValue.text(text), FieldErrorCode.OUT_OF_RANGE);
    }

    @Test
    void keepsTheExponentOfANumberParsedByAJsonLibrarySoItIsRejected() {
        assertSingleError(RawValue.number(new BigDecimal("1e3")), FieldErrorCode.INVALID_FORMAT);
    }

    @Test
    void acceptsANumberParsedByAJsonLibraryWrittenPlainly() throws Exception {
        assertEquals(new BigDecimal("10.50"), Amounts.parse("data.amount", RawValue.number(new BigDecimal("10.5"))));
    }

    @Test
    void reportsAbsentAndWrongTypeUnderTheGivenField() {
        ValidationException absent = assertThrows(ValidationException.class,
                () -> Amounts.parse("data.amount", (RawValue) null));
        assertEquals(ErrorCode.VALIDATION_FAILED, absent.code());
        assertEquals(List.of("data.amount"), absent.errors().stream().map(FieldError::field).toList());
        assertEquals(FieldErrorCode.REQUIRED, absent.errors().get(0).code());
        assertSingleError(RawValue.wrongType(RawValue.JsonType.BOOLEAN), FieldErrorCode.WRONG_TYPE);
        assertSingleError(RawValue.text(""), FieldErrorCode.REQUIRED);
    }

    @Test
    void rejectsAMegabyteOfDigitsWithoutParsingIt() {
        assertSingleError(RawValue.number("9".repeat(1 << 20)), FieldErrorCode.OUT_OF_RANGE);
    }

    @Test
    void comparesAmountsByValueWhateverTheScale() {
        assertTrue(Amounts.sameAmount(new BigDecimal("150.0"), new BigDecimal("150.00")));
        assertTrue(Amounts.sameAmount(new BigDecimal("150"), new BigDecimal("150.00")));
        assertFalse(Amounts.sameAmount(new BigDecimal("150.01"), new BigDecimal("150.00")));
        assertFalse(new BigDecimal("150.0").equals(new BigDecimal("150.00")), "why sameAmount exists");
    }

    private static void assertSingleError(RawValue raw, FieldErrorCode code) {
        ValidationException e = assertThrows(ValidationException.class, () -> Amounts.parse("amount", raw));
        assertEquals(1, e.errors().size());
        assertEquals("amount", e.errors().get(0).field());
        assertEquals(code, e.errors().get(0).code(), () -> "for " + raw);
    }
}
