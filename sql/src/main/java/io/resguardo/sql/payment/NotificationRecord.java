package io.resguardo.sql.payment;

import io.resguardo.core.ErrorCode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored notification, for the admin API (CONTRACT section 3). */
public record NotificationRecord(long id, String eventType, String cip, String operationNumber,
                                 NotificationOutcome outcome, Optional<ErrorCode> code, Instant receivedAt,
                                 String keyId, int duplicates) {
    public NotificationRecord {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(cip, "cip");
        Objects.requireNonNull(operationNumber, "operationNumber");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(keyId, "keyId");
    }
}
