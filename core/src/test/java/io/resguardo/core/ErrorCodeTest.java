package io.resguardo.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorCodeTest {

    /** CONTRACT.md section 6, row by row: a changed status is a breaking change. */
    @ParameterizedTest
    @CsvSource({
            "HTTPS_REQUIRED,403", "IP_NOT_ALLOWED,403", "CLIENT_BLOCKED,429", "RATE_LIMITED,429",
            "BODY_TOO_LARGE,413", "UNSUPPORTED_MEDIA_TYPE,415", "MALFORMED_JSON,400", "VALIDATION_FAILED,422",
            "SIGNATURE_MISSING,401", "SIGNATURE_INVALID,401", "DIGEST_MISMATCH,401", "TIMESTAMP_OUT_OF_RANGE,401",
            "REPLAY_DETECTED,401", "UNKNOWN_KEY,401", "UNKNOWN_CIP,404", "AMOUNT_MISMATCH,422",
            "CURRENCY_MISMATCH,422", "INVALID_TRANSITION,409", "FORBIDDEN,403", "IDEMPOTENCY_CONFLICT,409",
            "NOT_FOUND,404", "UPSTREAM_UNAVAILABLE,502", "SERVICE_UNAVAILABLE,503"})
    void contractCodesKeepTheirStatus(String name, int status) {
        assertEquals(status, ErrorCode.valueOf(name).httpStatus());
    }

    @Test
    void onlyAuthenticationFailuresCountTowardTheBan() {
        Set<ErrorCode> counted = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode c : ErrorCode.values()) {
            if (c.countsTowardBan()) {
                counted.add(c);
            }
        }
        assertEquals(EnumSet.of(ErrorCode.SIGNATURE_MISSING, ErrorCode.SIGNATURE_INVALID, ErrorCode.DIGEST_MISMATCH,
                ErrorCode.TIMESTAMP_OUT_OF_RANGE, ErrorCode.REPLAY_DETECTED, ErrorCode.UNKNOWN_KEY), counted);
    }
}
