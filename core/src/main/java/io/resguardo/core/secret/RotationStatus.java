package io.resguardo.core.secret;

/** Where a key stands against the rotation policy of {@link KeyAge}. */
public enum RotationStatus {
    /** Younger than the warning threshold (or exactly at it). */
    OK,
    /** Past {@link KeyAge#WARN_AFTER_DAYS}: plan the rotation. */
    WARN,
    /** Past {@link KeyAge#FAIL_AFTER_DAYS}: the key is overdue; preflight fails. */
    FAIL
}
