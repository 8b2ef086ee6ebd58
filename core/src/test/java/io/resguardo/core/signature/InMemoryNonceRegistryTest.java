package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;
import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InMemoryNonceRegistryTest {
    private final MutableClock clock = MutableClock.atEpochSecond(1_000_000);
    private final Instant inFiveMinutes = clock.instant().plus(Duration.ofMinutes(5));

    private static ErrorCode codeOf(InMemoryNonceRegistry registry, String keyId, String nonce, Instant expiresAt) {
        return assertThrows(ResguardoException.class, () -> registry.claim(keyId, nonce, expiresAt)).code();
    }

    @Test
    void acceptsANonceOncePerKeyId() throws ResguardoException {
        InMemoryNonceRegistry registry = new InMemoryNonceRegistry(clock, 10);
        registry.claim("a", "n", inFiveMinutes);
        registry.claim("b", "n", inFiveMinutes);
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(registry, "a", "n", inFiveMinutes));
    }

    @Test
    void keepsANonceUntilItExpiresAndForgetsItAfter() throws ResguardoException {
        InMemoryNonceRegistry registry = new InMemoryNonceRegistry(clock, 10);
        registry.claim("a", "n", inFiveMinutes);
        clock.set(inFiveMinutes);
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(registry, "a", "n", inFiveMinutes));
        clock.advance(Duration.ofSeconds(1));
        registry.claim("a", "other", clock.instant().plusSeconds(300));
        assertEquals(1, registry.size());
        registry.claim("a", "n", clock.instant().plusSeconds(300));
    }

    @Test
    void failsClosedWhenFullInsteadOfForgetting() throws ResguardoException {
        InMemoryNonceRegistry registry = new InMemoryNonceRegistry(clock, 2);
        registry.claim("a", "1", inFiveMinutes);
        registry.claim("a", "2", inFiveMinutes);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, codeOf(registry, "a", "3", inFiveMinutes));
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(registry, "a", "1", inFiveMinutes));
        clock.set(inFiveMinutes.plusSeconds(1));
        registry.claim("a", "3", clock.instant().plusSeconds(300));
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThrows(InvalidConfigurationException.class, () -> new InMemoryNonceRegistry(clock, 0));
    }

    @Test
    void concurrentClaimsOfOneNonceSucceedExactlyOnce() throws Exception {
        InMemoryNonceRegistry registry = new InMemoryNonceRegistry(clock, 100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(() -> {
                    try {
                        registry.claim("a", "race", inFiveMinutes);
                        return true;
                    } catch (ResguardoException e) {
                        return false;
                    }
                });
            }
            int wins = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                wins += f.get() ? 1 : 0;
            }
            assertEquals(1, wins);
        } finally {
            pool.shutdownNow();
        }
    }
}
