package io.resguardo.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One audit log entry as stored and exported.
 *
 * @param sequence 1, 2, 3... without gaps
 * @param recordedAt when it was appended, at microsecond precision
 * @param actor who did it ({@code pagoefectivo}, {@code shop:<keyid>}, {@code reconciler}, {@code admin:<user>})
 * @param action what happened ({@code order.created}, {@code order.paid}, {@code notification.rejected}...)
 * @param subject what it happened to (a transaction code), or empty
 * @param detail a JSON object of non-personal facts
 * @param previousHash the previous entry's {@link #entryHash}, or {@link AuditChain#GENESIS_HASH} for the first
 * @param entryHash {@link AuditChain#hash} of this entry
 */
public record AuditEntry(long sequence, Instant recordedAt, String actor, String action, String subject,
                         String detail, String previousHash, String entryHash) {
    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (!recordedAt.equals(recordedAt.truncatedTo(ChronoUnit.MICROS))) {
            throw new IllegalArgumentException("recordedAt must be at microsecond precision");
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(entryHash, "entryHash");
    }
}
