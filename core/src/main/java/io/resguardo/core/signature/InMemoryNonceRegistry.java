package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A bounded, thread-safe {@link NonceRegistry} in memory, for tests, the CLI and single-node deployments (it forgets
 * everything on restart).
 *
 * <p>Expired nonces are purged on each claim. When {@code capacity} unexpired nonces are held, new ones are refused
 * with {@link ErrorCode#SERVICE_UNAVAILABLE} (fail closed): forgetting a live nonce would open a replay.
 */
public final class InMemoryNonceRegistry implements NonceRegistry {
    private final Clock clock;
    private final int capacity;
    private final Map<Key, Instant> live = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>();

    private record Key(String keyId, String nonce) {
    }

    private record Expiry(Instant at, Key key) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry other) {
            return at.compareTo(other.at);
        }
    }

    /**
     * @param clock the wall clock that decides expiry
     * @param capacity the most nonces held at once
     * @throws InvalidConfigurationException when {@code capacity} is not positive
     */
    public InMemoryNonceRegistry(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new InvalidConfigurationException("nonce registry capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void claim(String keyId, String nonce, Instant expiresAt) throws ResguardoException {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
        purge(clock.instant());
        Key key = new Key(keyId, nonce);
        if (live.containsKey(key)) {
            throw new ResguardoException(ErrorCode.REPLAY_DETECTED, "nonce already used for this keyid");
        }
        if (live.size() >= capacity) {
            throw new ResguardoException(ErrorCode.SERVICE_UNAVAILABLE, "nonce registry is full; retry later");
        }
        live.put(key, expiresAt);
        expiries.add(new Expiry(expiresAt, key));
    }

    /** The number of nonces held (expired ones may linger until the next claim). */
    public synchronized int size() {
        return live.size();
    }

    private void purge(Instant now) {
        Expiry head;
        while ((head = expiries.peek()) != null && head.at.isBefore(now)) {
            expiries.poll();
            live.remove(head.key, head.at);
        }
    }
}
