package io.resguardo.sql.audit;

import io.resguardo.core.audit.AuditChain;
import io.resguardo.core.audit.AuditEntry;
import io.resguardo.core.audit.ChainVerification;
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

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(Engine.class)
class AuditLogTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00.123456Z"));
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

    private static AuditRecord record(int n) {
        return AuditRecord.of("admin:ana", "test.append", "T-" + n, "transactionCode", "T-" + n, "status", "PAID");
    }

    private List<AuditEntry> appendMany(int count) {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            appended.add(db.audit().append(record(i)));
            clock.advance(Duration.ofMillis(1));
        }
        return appended;
    }

    private List<AuditEntry> exported() {
        List<AuditEntry> entries = new ArrayList<>();
        db.audit().export(entries::add);
        return entries;
    }

    @Test
    void appendsFormOneChainFromGenesis() {
        List<AuditEntry> appended = appendMany(5);
        assertEquals(AuditChain.GENESIS_HASH, appended.get(0).previousHash());
        for (int i = 0; i < appended.size(); i++) {
            AuditEntry e = appended.get(i);
            assertEquals(i + 1, e.sequence());
            assertEquals(AuditChain.hashOf(e), e.entryHash());
            if (i > 0) {
                assertEquals(appended.get(i - 1).entryHash(), e.previousHash());
            }
        }
        assertEquals(appended, exported(), "what append returned is what was stored");
    }

    @Test
    void anAppendedEntryKeepsWhoWhatWhenAndSortedDetail() {
        AuditEntry e = db.audit().append(AuditRecord.of("shop:k1", "order.created", "T-1",
                "transactionCode", "T-1", "amount", "150.00", "currency", "PEN"));
        assertEquals("shop:k1", e.actor());
        assertEquals("order.created", e.action());
        assertEquals("T-1", e.subject());
        assertEquals(clock.instant(), e.recordedAt());
        assertEquals("{\"amount\":\"150.00\",\"currency\":\"PEN\",\"transactionCode\":\"T-1\"}", e.detail());
    }

    @Test
    void anUntouchedChainVerifiesIntactWithItsCount() {
        assertEquals(new ChainVerification(0, OptionalLong.empty()), db.audit().verify());
        appendMany(7);
        ChainVerification v = db.audit().verify();
        assertTrue(v.intact());
        assertEquals(7, v.entries());
    }

    @Test
    void recentListsTheNewestEntriesFirst() {
        appendMany(4);
        List<AuditEntry> recent = db.audit().recent(2);
        assertEquals(List.of(4L, 3L), recent.stream().map(AuditEntry::sequence).toList());
    }

    @Test
    void concurrentAppendsFromTwoNodesKeepOneGaplessChain() throws Exception {
        int threadsPerNode = 8;
        int appendsPerThread = 50;
        try (Database otherNode = Fixtures.open(testDb, clock)) {
            CyclicBarrier start = new CyclicBarrier(2 * threadsPerNode);
            int appended = Concurrently.sum(2 * threadsPerNode, t -> {
                Database node = t % 2 == 0 ? db : otherNode;
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < appendsPerThread; i++) {
                    node.audit().append(AuditRecord.of("admin:node" + (t % 2), "test.concurrent", "T-" + t,
                            "status", Integer.toString(i)));
                }
                return appendsPerThread;
            });
            assertEquals(800, appended);
            ChainVerification fromOther = otherNode.audit().verify();
            assertTrue(fromOther.intact(), () -> "broken at " + fromOther.firstBrokenSequence());
        }
        ChainVerification v = db.audit().verify();
        assertTrue(v.intact(), () -> "broken at " + v.firstBrokenSequence());
        assertEquals(800, v.entries());
        assertEquals(LongStream.rangeClosed(1, 800).boxed().toList(),
                exported().stream().map(AuditEntry::sequence).toList());
    }

    @Test
    void entriesWrittenInsideTransactionsOnTwoNodesAreLinkedIntoOneGaplessChain() throws Exception {
        int threadsPerNode = 4;
        int transactionsPerThread = 25;
        try (Database otherNode = Fixtures.open(testDb, clock)) {
            CyclicBarrier start = new CyclicBarrier(2 * threadsPerNode);
            int written = Concurrently.sum(2 * threadsPerNode, t -> {
                Database node = t % 2 == 0 ? db : otherNode;
                start.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < transactionsPerThread; i++) {
                    try (Connection c = node.dataSource().getConnection()) {
                        c.setAutoCommit(false);
                        node.audit().append(c, AuditRecord.of("admin:node" + (t % 2), "test.pending", "T-" + t,
                                "status", Integer.toString(i)));
                        c.commit();
                    }
                    if (i % 5 == 0) {
                        node.audit().chainPending();
                    }
                }
                return transactionsPerThread;
            });
            assertEquals(200, written);
            otherNode.audit().chainPending();
        }
        db.audit().chainPending();
        assertEquals(0, db.audit().pendingCount());
        ChainVerification v = db.audit().verify();
        assertTrue(v.intact(), () -> "broken at " + v.firstBrokenSequence());
        assertEquals(200, v.entries());
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(),
                exported().stream().map(AuditEntry::sequence).toList());
    }

    @Test
    void anEntryOfARolledBackTransactionNeverReachesTheChain() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            db.audit().append(c, record(1));
            c.rollback();
        }
        assertEquals(0, db.audit().chainPending());
        assertEquals(0, db.audit().verify().entries());
    }

    @Test
    void anEditedDetailIsDetectedAtThatEntry() throws Exception {
        appendMany(5);
        assertEquals(1, Fixtures.execute(db, "UPDATE audit_log SET detail = ? WHERE sequence = ?",
                "{\"status\":\"EXPIRED\",\"transactionCode\":\"T-3\"}", 3));
        ChainVerification v = db.audit().verify();
        assertEquals(OptionalLong.of(3), v.firstBrokenSequence());
        assertEquals(5, v.entries());
    }

    @Test
    void anEditedActorIsDetectedAtThatEntry() throws Exception {
        appendMany(5);
        Fixtures.execute(db, "UPDATE audit_log SET actor = ? WHERE sequence = ?", "admin:mallory", 2);
        assertEquals(OptionalLong.of(2), db.audit().verify().firstBrokenSequence());
    }

    @Test
    void anEditedRecordingTimeIsDetectedAtThatEntry() throws Exception {
        appendMany(5);
        Fixtures.execute(db, "UPDATE audit_log SET recorded_at = ? WHERE sequence = ?",
                OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC), 4);
        assertEquals(OptionalLong.of(4), db.audit().verify().firstBrokenSequence());
    }

    @Test
    void anEntryNulledOutIsDetectedAtThatEntry() throws Exception {
        appendMany(3);
        Fixtures.execute(db, "UPDATE audit_log SET subject = NULL WHERE sequence = ?", 1);
        assertEquals(OptionalLong.of(1), db.audit().verify().firstBrokenSequence());
    }

    @Test
    void deletingTheLastEntryIsDetectedBecauseTheHeadDisagrees() throws Exception {
        appendMany(5);
        assertEquals(1, Fixtures.execute(db, "DELETE FROM audit_log WHERE sequence = ?", 5));
        ChainVerification v = db.audit().verify();
        assertFalse(v.intact());
        assertEquals(OptionalLong.of(5), v.firstBrokenSequence());
        assertEquals(4, v.entries());
    }

    @Test
    void deletingAMiddleEntryIsDetectedAtItsSequence() throws Exception {
        appendMany(5);
        Fixtures.execute(db, "DELETE FROM audit_log WHERE sequence = ?", 3);
        assertEquals(OptionalLong.of(3), db.audit().verify().firstBrokenSequence());
    }

    @Test
    void aRolledBackAppendLeavesNoGap() throws Exception {
        appendMany(2);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            db.audit().append(c, record(99));
            c.rollback();
        }
        AuditEntry next = db.audit().append(record(3));
        assertEquals(3, next.sequence());
        ChainVerification v = db.audit().verify();
        assertTrue(v.intact());
        assertEquals(3, v.entries());
        assertEquals(List.of("T-1", "T-2", "T-3"), exported().stream().map(AuditEntry::subject).toList());
    }

    @Test
    void detailNamesThatSuggestPersonalDataOrSecretsAreRefused() {
        for (String name : List.of("email", "customerPhone", "secretKey", "documentNumber", "accessToken",
                "password", "mobile", "dni")) {
            assertThrows(IllegalArgumentException.class,
                    () -> AuditRecord.of("admin:ana", "test.refused", "T-1", name, "x"), name);
        }
    }

    @Test
    void identifierNamesAreAcceptedEvenWhenTheyContainAForbiddenPart() {
        AuditRecord r = AuditRecord.of("shop:k1", "test.ok", "T-1", "keyId", "current");
        assertEquals("current", r.detail().get("keyId"));
    }

    @Test
    void actorsAndActionsMustBeShortTokens() {
        assertThrows(IllegalArgumentException.class, () -> AuditRecord.of("maria quispe", "test.x", "T-1"));
        assertThrows(IllegalArgumentException.class, () -> AuditRecord.of("admin:ana", "test\nforged", "T-1"));
        assertThrows(IllegalArgumentException.class, () -> AuditRecord.of("admin:ana", "test.x", "T".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> AuditRecord.of("admin:ana", "test.x", "T-1", "odd"));
    }

    @Test
    void freeTextValuesAreRedactedAndIdentifiersStayReadable() {
        AuditEntry e = db.audit().append(AuditRecord.of("admin:ana", "test.redact", "T-1",
                "note", "customer maria.quispe@example.pe asked, ref 45871236",
                "cip", "45871236"));
        // Fixed messages: a failure must not print the test's personal data.
        assertFalse(e.detail().contains("maria.quispe@example.pe"), "the e-mail was stored as is");
        assertTrue(e.detail().contains("m***@example.pe"), "the e-mail is not masked to its first letter and domain");
        assertTrue(e.detail().contains("\"cip\":\"45871236\""), "the cip is not readable");
        assertFalse(e.detail().contains("ref 45871236"), "a long number in free text was stored as is");
        AuditEntry stored = exported().get(0);
        assertEquals(e.detail(), stored.detail());
        assertTrue(db.audit().verify().intact());
    }

    @Test
    void exportStreamsEveryEntryInOrderAndVerifiesOfflineAlike() throws Exception {
        appendMany(6);
        assertVerdictsAgree();
        Fixtures.execute(db, "UPDATE audit_log SET detail = ? WHERE sequence = ?", "{}", 4);
        assertVerdictsAgree();
        assertEquals(OptionalLong.of(4), db.audit().verify().firstBrokenSequence());
    }

    private void assertVerdictsAgree() {
        List<AuditEntry> entries = exported();
        assertEquals(LongStream.rangeClosed(1, 6).boxed().toList(), entries.stream().map(AuditEntry::sequence).toList());
        AuditChain.Verifier offline = AuditChain.verifier();
        entries.forEach(offline::accept);
        AuditEntry last = entries.get(entries.size() - 1);
        assertEquals(db.audit().verify(), offline.finish());
        AuditChain.Verifier withHead = AuditChain.verifier();
        entries.forEach(withHead::accept);
        assertEquals(db.audit().verify(), withHead.finish(last.sequence(), last.entryHash()));
    }
}
