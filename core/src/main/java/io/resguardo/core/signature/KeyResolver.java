package io.resguardo.core.signature;

import io.resguardo.core.secret.Secret;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the keys a {@code keyid} may be signed with. Several keys per id allow rotation: a signature made with any
 * of them verifies, and the verifier reports which one (its index in the list).
 *
 * <p>Implementations must be thread-safe and must not throw for an unknown id: they answer an empty list, which the
 * verifier reports as {@link io.resguardo.core.ErrorCode#UNKNOWN_KEY}.
 */
@FunctionalInterface
public interface KeyResolver {
    /** The candidate keys for {@code keyId}, newest first by convention; empty when the id is unknown. */
    List<Secret> candidates(String keyId);

    /** A resolver over a fixed map (copied). */
    static KeyResolver of(Map<String, List<Secret>> keys) {
        Map<String, List<Secret>> copy = new HashMap<>();
        Objects.requireNonNull(keys, "keys").forEach((id, secrets) -> copy.put(id, List.copyOf(secrets)));
        return keyId -> copy.getOrDefault(keyId, List.of());
    }
}
