package io.resguardo.web.pagoefectivo;

import io.resguardo.core.secret.Secret;
import io.resguardo.testfixtures.MutableClock;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCacheTest {
    private static final int THREADS = 20;
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-26T15:00:00Z"));

    private Token token(String value, Duration life) {
        return Token.issued(Secret.ofBytes(value.getBytes(StandardCharsets.UTF_8)), clock.instant(),
                clock.instant().plus(life));
    }

    @Test
    void callersQueueBehindOneRenewalAndShareItsToken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renewals = new AtomicInteger();
        Token issued = token("token-one-abcdef", Duration.ofHours(2));
        TokenCache cache = new TokenCache(() -> {
            renewals.incrementAndGet();
            await(release);
            return issued;
        }, clock);

        List<Future<Token>> results = startAll(cache, () -> cache.queueLength() == THREADS - 1, release);

        for (Future<Token> result : results) {
            assertSame(issued, result.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, renewals.get());
    }

    @Test
    void callersWaitingForARefusedRenewalFailWithItWithoutTryingAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renewals = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            renewals.incrementAndGet();
            await(release);
            throw new PagoEfectivoException(PagoEfectivoException.Kind.CREDENTIALS, "refused");
        }, clock);

        List<Future<Token>> results = startAll(cache, () -> cache.queueLength() == THREADS - 1, release);

        for (Future<Token> result : results) {
            Exception e = assertThrows(Exception.class, () -> result.get(10, TimeUnit.SECONDS));
            PagoEfectivoException cause = (PagoEfectivoException) e.getCause();
            assertEquals(PagoEfectivoException.Kind.CREDENTIALS, cause.kind());
        }
        assertEquals(1, renewals.get());
    }

    @Test
    void aTokenIsRenewedFiveMinutesBeforeExpiry() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("token-" + renewals.incrementAndGet() + "-abcdefgh",
                Duration.ofHours(2)), clock);

        Token first = cache.get();
        clock.advance(Duration.ofMinutes(115).minusNanos(1));
        assertSame(first, cache.get());
        clock.advance(Duration.ofNanos(1));
        assertNotSame(first, cache.get());
        assertEquals(2, renewals.get());
    }

    @Test
    void aShortLivedTokenIsUsedForHalfItsLife() {
        Token shortLived = token("token-short-abcdef", Duration.ofMinutes(6));
        assertEquals(clock.instant().plus(Duration.ofMinutes(3)), shortLived.refreshAt());
        assertEquals(clock.instant(), token("token-late-abcdefg", Duration.ofMinutes(-1)).refreshAt());
    }

    @Test
    void invalidatingAStaleTokenKeepsOneAlreadyRenewed() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> token("token-" + renewals.incrementAndGet() + "-abcdefgh",
                Duration.ofHours(2)), clock);
        Token stale = cache.get();
        cache.invalidate(stale);
        Token renewed = cache.get();

        cache.invalidate(stale);

        assertSame(renewed, cache.get());
        assertEquals(2, renewals.get());
    }

    @Test
    void tokenToStringShowsNoValue() {
        assertFalse(token("token-visible-abcdef", Duration.ofHours(2)).toString().contains("visible"));
    }

    private List<Future<Token>> startAll(TokenCache cache, BooleanSupplier queued,
                                         CountDownLatch release) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Token>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(cache::get));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!queued.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(queued.getAsBoolean(), "all threads but the renewing one wait for the renewal");
            release.countDown();
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
