package io.resguardo.sql.nonce;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.sql.Database;
import io.resguardo.sql.Fixtures;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ParameterizedClass
@EnumSource(Engine.class)
class SqlNonceRegistryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final String NONCE = "n-7f3a9c2e41b8";

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    TestDatabase testDb;
    Database db;

    @BeforeEach
    void open() {
        testDb = DATABASES.create(engine);
        db = Fixtures.open(testDb, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Instant inFiveMinutes() {
        return clock.instant().plus(Duration.ofMinutes(5));
    }

    private static ErrorCode refusal(SqlNonceRegistry registry, String keyId, String nonce, Instant expiresAt) {
        return assertThrows(ResguardoException.class, () -> registry.claim(keyId, nonce, expiresAt)).code();
    }

    @Test
    void theFirstClaimOfANonceIsAccepted() throws Exception {
        db.nonces().claim("k1", NONCE, inFiveMinutes());
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM nonces WHERE key_id = ? AND nonce = ?", "k1", NONCE));
    }

    @Test
    void aSecondClaimOfTheSameNonceIsAReplay() throws Exception {
        db.nonces().claim("k1", NONCE, inFiveMinutes());
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", NONCE, inFiveMinutes()));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", NONCE, inFiveMinutes()));
    }

    @Test
    void theSameNonceUnderAnotherKeyIdIsAccepted() throws Exception {
        db.nonces().claim("k1", NONCE, inFiveMinutes());
        db.nonces().claim("k2", NONCE, inFiveMinutes());
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k2", NONCE, inFiveMinutes()));
    }

    @Test
    void aReplayOnAnotherNodeIsRejected() throws Exception {
        try (Database otherNode = Fixtures.open(testDb, clock)) {
            db.nonces().claim("k1", NONCE, inFiveMinutes());
            assertEquals(ErrorCode.REPLAY_DETECTED, refusal(otherNode.nonces(), "k1", NONCE, inFiveMinutes()));
            otherNode.nonces().claim("k1", "n-other", inFiveMinutes());
            assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", "n-other", inFiveMinutes()));
        }
    }

    @Test
    void aReplayAfterARestartIsRejected() throws Exception {
        db.nonces().claim("k1", NONCE, inFiveMinutes());
        db.close();
        db = Fixtures.open(testDb, clock);
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", NONCE, inFiveMinutes()));
    }

    @Test
    void ofFiftyThreadsClaimingOneNonceExactlyOneSucceeds() throws Exception {
        int threads = 50;
        CyclicBarrier start = new CyclicBarrier(threads);
        Instant expiresAt = inFiveMinutes();
        int accepted = Concurrently.sum(threads, t -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                db.nonces().claim("k1", NONCE, expiresAt);
                return 1;
            } catch (ResguardoException e) {
                assertEquals(ErrorCode.REPLAY_DETECTED, e.code());
                return 0;
            }
        });
        assertEquals(1, accepted);
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM nonces"));
    }

    @Test
    void anExpiredNonceCanBeClaimedAgainOnce() throws Exception {
        db.nonces().claim("k1", NONCE, inFiveMinutes());
        clock.advance(Duration.ofMinutes(6));
        assertDoesNotThrow(() -> db.nonces().claim("k1", NONCE, inFiveMinutes()));
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", NONCE, inFiveMinutes()));
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM nonces"));
    }

    @Test
    void purgeDeletesOnlyExpiredNonces() throws Exception {
        db.nonces().claim("k1", "n-short", clock.instant().plus(Duration.ofMinutes(1)));
        db.nonces().claim("k1", "n-long", clock.instant().plus(Duration.ofMinutes(10)));
        db.nonces().claim("k2", "n-short", clock.instant().plus(Duration.ofMinutes(2)));
        assertEquals(0, db.nonces().purgeExpired());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2, db.nonces().purgeExpired());
        assertEquals(1, Fixtures.count(db, "SELECT COUNT(*) FROM nonces"));
        assertEquals(ErrorCode.REPLAY_DETECTED, refusal(db.nonces(), "k1", "n-long", inFiveMinutes()));
        assertEquals(0, db.nonces().purgeExpired());
    }

    @Test
    void anUnreachableDatabaseFailsClosedWithServiceUnavailable() throws Exception {
        db.close();
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refusal(db.nonces(), "k1", NONCE, inFiveMinutes()));
        db = Fixtures.open(testDb, clock);
        assertDoesNotThrow(() -> db.nonces().claim("k1", NONCE, inFiveMinutes()),
                "the nonce refused while the database was down was not recorded");
    }
}
