package io.resguardo.core.secret;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The age of a key against the rotation policy of CONTRACT.md section 7: warn past {@value #WARN_AFTER_DAYS} days,
 * fail past {@value #FAIL_AFTER_DAYS} days. "Past" is strict: a key exactly 80 days old is still {@code OK}, one 81 days
 * old is {@code WARN}; 90 days is {@code WARN}, 91 is {@code FAIL}.
 *
 * @param keyId       the key this describes
 * @param created     the day the key was issued
 * @param ageDays     whole days from {@code created} to the day it was measured (negative when issued in the future)
 * @param status      the policy outcome for {@code ageDays}
 * @param rotationDue the last day the key is within policy ({@code created} plus {@value #FAIL_AFTER_DAYS} days)
 */
public record KeyAge(String keyId, LocalDate created, long ageDays, RotationStatus status, LocalDate rotationDue) {
    /** A key older than this many days gets {@link RotationStatus#WARN}. */
    public static final int WARN_AFTER_DAYS = 80;
    /** A key older than this many days gets {@link RotationStatus#FAIL}. */
    public static final int FAIL_AFTER_DAYS = 90;

    public KeyAge {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rotationDue, "rotationDue");
        if (status != statusFor(ageDays)) {
            throw new IllegalArgumentException("status " + status + " does not match an age of " + ageDays + " days");
        }
    }

    /** The age of key {@code keyId}, issued on {@code created}, as seen on {@code today}. */
    public static KeyAge measure(String keyId, LocalDate created, LocalDate today) {
        long age = ChronoUnit.DAYS.between(created, today);
        return new KeyAge(keyId, created, age, statusFor(age), created.plusDays(FAIL_AFTER_DAYS));
    }

    private static RotationStatus statusFor(long ageDays) {
        if (ageDays > FAIL_AFTER_DAYS) {
            return RotationStatus.FAIL;
        }
        return ageDays > WARN_AFTER_DAYS ? RotationStatus.WARN : RotationStatus.OK;
    }
}
