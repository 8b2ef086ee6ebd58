package io.resguardo.sql.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event for the shop.
 *
 * @param eventId the Standard Webhooks {@code webhook-id}: stable across every retry
 * @param transactionCode the order's transaction code
 * @param payload the JSON body to send, exactly these bytes every time (no personal data)
 * @param attempts delivery attempts started so far (a claim counts as one)
 */
public record OutboxEvent(long id, String eventId, String eventType, String transactionCode, String payload,
                          OutboxStatus status, Instant createdAt, int attempts, Instant nextAttemptAt,
                          Optional<Instant> deliveredAt, Optional<String> lastError) {
    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
