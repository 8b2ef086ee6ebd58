package io.resguardo.web.pagoefectivo;

import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization token and when to stop using it. The value lives in a {@link Secret}; {@link #toString()} shows
 * only the times.
 */
final class Token {
    /** Tokens are renewed this long before PagoEfectivo's {@code tokenExpires}. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** The lifetime assumed when the answer has no readable {@code tokenExpires}. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

    private final Secret value;
    private final Instant expiresAt;
    private final Instant refreshAt;

    private Token(Secret value, Instant expiresAt, Instant refreshAt) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.refreshAt = refreshAt;
    }

    /**
     * A token issued at {@code now} and expiring at {@code expiresAt}. Used until {@link #MARGIN} before expiry; a
     * token living less than twice the margin is used for half its life, so a short-lived token is still reused.
     */
    static Token issued(Secret value, Instant now, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        Duration life = Duration.between(now, expiresAt);
        Instant refreshAt = life.compareTo(MARGIN.multipliedBy(2)) > 0
                ? expiresAt.minus(MARGIN)
                : now.plus(life.isNegative() ? Duration.ZERO : life.dividedBy(2));
        return new Token(value, expiresAt, refreshAt);
    }

    boolean freshAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant refreshAt() {
        return refreshAt;
    }

    /** The token text for the {@code Authorization} header, and nowhere else. */
    String reveal() {
        return new String(value.revealBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Token[redacted, expires " + expiresAt + ", renewed from " + refreshAt + "]";
    }
}
