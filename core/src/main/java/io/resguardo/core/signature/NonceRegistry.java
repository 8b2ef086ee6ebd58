package io.resguardo.core.signature;

import io.resguardo.core.ResguardoException;

import java.time.Instant;

/**
 * Remembers nonces so that each is accepted once per key id. The verifier calls {@link #claim} last, after the
 * signature verified, so a forged request can never use up a legitimate nonce.
 *
 * <p>Implementations must be thread-safe, must keep a nonce at least until {@code expiresAt}, and must fail closed:
 * when they cannot record a nonce (full, storage down) they throw rather than accept it unrecorded. A shared store
 * (the sql module) makes replays fail across restarts and nodes; {@link InMemoryNonceRegistry} serves one process.
 */
@FunctionalInterface
public interface NonceRegistry {
    /**
     * Records the first use of {@code nonce} for {@code keyId}.
     *
     * @param expiresAt after this instant the timestamp check rejects any request carrying this nonce, so it may
     *     be forgotten
     * @throws ResguardoException {@link io.resguardo.core.ErrorCode#REPLAY_DETECTED} when already used;
     *     {@link io.resguardo.core.ErrorCode#SERVICE_UNAVAILABLE} when it cannot be recorded
     */
    void claim(String keyId, String nonce, Instant expiresAt) throws ResguardoException;
}
