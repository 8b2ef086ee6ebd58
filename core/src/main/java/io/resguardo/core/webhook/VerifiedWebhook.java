package io.resguardo.core.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A Standard Webhooks message whose signature matched and whose timestamp was within the tolerance.
 *
 * @param id          the {@code webhook-id} (stable across retries: deduplicate on it)
 * @param timestamp   the {@code webhook-timestamp}
 * @param secretIndex position, in the verifier's list of secrets, of the secret that matched
 */
public record VerifiedWebhook(String id, Instant timestamp, int secretIndex) {
    public VerifiedWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        if (secretIndex < 0) {
            throw new IllegalArgumentException("secretIndex must not be negative");
        }
    }
}
