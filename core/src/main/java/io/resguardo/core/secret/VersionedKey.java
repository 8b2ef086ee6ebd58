package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One key of a {@link KeyRing}: a named secret with a validity window {@code [notBefore, notAfter)}.
 *
 * <p>The secret stays a {@link Secret}, so {@link #toString()} prints it redacted and {@link #equals(Object)} compares
 * it in constant time. The id is not secret: it is logged and reported as "the key that verified".
 *
 * @param id        1 to 64 characters of {@code [A-Za-z0-9._-]}
 * @param secret    the key material
 * @param notBefore first instant the key is valid ({@link Instant#MIN} for "always")
 * @param notAfter  first instant the key is no longer valid, or {@code null} for no end; after {@code notBefore}
 * @param created   the day the key was issued, or {@code null} when unknown (then no age is reported)
 */
public record VersionedKey(String id, Secret secret, Instant notBefore, Instant notAfter, LocalDate created) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @throws InvalidConfigurationException on a malformed id or an empty window */
    public VersionedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(notBefore, "notBefore");
        if (!ID.matcher(id).matches()) {
            throw new InvalidConfigurationException("key id must be 1 to 64 characters of [A-Za-z0-9._-]");
        }
        if (notAfter != null && !notAfter.isAfter(notBefore)) {
            throw new InvalidConfigurationException("key " + id + ": validity ends (" + notAfter
                    + ") at or before it starts (" + notBefore + ")");
        }
    }

    /** A key valid from always to forever, of unknown issue date. */
    public static VersionedKey of(String id, Secret secret) {
        return new VersionedKey(id, secret, Instant.MIN, null, null);
    }

    /** Whether the key is valid at {@code now}: {@code notBefore <= now < notAfter}. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(notBefore) && (notAfter == null || now.isBefore(notAfter));
    }

    /** {@link #notAfter()} as an optional. */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(notAfter);
    }

    /** {@link #created()} as an optional. */
    public Optional<LocalDate> issuedOn() {
        return Optional.ofNullable(created);
    }
}
