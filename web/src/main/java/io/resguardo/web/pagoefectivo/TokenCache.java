package io.resguardo.web.pagoefectivo;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current token, renewed by one thread at a time: callers that find it stale queue on a lock, the first renews,
 * the others take the fresh token it left. If the renewal failed, the callers that were already waiting for it fail
 * the same way at once instead of each trying again (a failed renewal has been retried already).
 */
final class TokenCache {
    /** Fetches a new token, with the retries the authorization call allows. */
    @FunctionalInterface
    interface Authorizer {
        Token authorize() throws PagoEfectivoException;
    }

    private final Authorizer authorizer;
    private final Clock clock;
    private final AtomicReference<Token> current = new AtomicReference<>();
    private final ReentrantLock renewal = new ReentrantLock();
    private final AtomicLong renewals = new AtomicLong();
    private PagoEfectivoException lastFailure; // guarded by renewal

    TokenCache(Authorizer authorizer, Clock clock) {
        this.authorizer = authorizer;
        this.clock = clock;
    }

    Token get() throws PagoEfectivoException {
        Token token = current.get();
        if (token != null && token.freshAt(clock.instant())) {
            return token;
        }
        long seen = renewals.get();
        try {
            renewal.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PagoEfectivoException(PagoEfectivoException.Kind.UNAVAILABLE,
                    "interrupted while waiting for a PagoEfectivo token");
        }
        try {
            token = current.get();
            if (token != null && token.freshAt(clock.instant())) {
                return token;
            }
            if (renewals.get() != seen && lastFailure != null) {
                throw lastFailure.again();
            }
            try {
                token = authorizer.authorize();
                current.set(token);
                lastFailure = null;
                return token;
            } catch (PagoEfectivoException e) {
                lastFailure = e;
                throw e;
            } finally {
                renewals.incrementAndGet();
            }
        } finally {
            renewal.unlock();
        }
    }

    /** How many threads wait for a renewal in progress (for tests of the queueing). */
    int queueLength() {
        return renewal.getQueueLength();
    }

    /**
     * Forgets {@code stale} after PagoEfectivo refused it; a token another thread has already renewed is kept.
     */
    void invalidate(Token stale) {
        current.compareAndSet(stale, null);
    }
}
