package io.resguardo.core.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-11-26T15:00:00.123456Z");

    /** The canonical encoding of the class javadoc, written out by hand for one entry. */
    private static final String KNOWN_ENCODING = "resguardo-audit-v1\n"
            + "1:7\n"
            + "27:2026-11-26T15:00:00.123456Z\n"
            + "9:admin:ana\n"
            + "10:order.paid\n"
            + "4:T-\u00f1\n" // four UTF-8 bytes: the length counts bytes, not characters
            + "17:{\"cip\":\"1234567\"}\n"
            + "64:" + "0".repeat(64) + "\n";

    /** SHA-256 of {@link #KNOWN_ENCODING}, computed outside Java (coreutils sha256sum). */
    private static final String KNOWN_HASH = "5c99421336a9a51b5ba090d36d46732b55114fd88fd303f81f6b06c0544e7015";

    @Test
    void hashIsLowerCaseHexSha256OfTheDocumentedCanonicalEncoding() throws Exception {
        String hash = AuditChain.hash(7, T0, "admin:ana", "order.paid", "T-\u00f1", "{\"cip\":\"1234567\"}",
                AuditChain.GENESIS_HASH);
        String independent = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(KNOWN_ENCODING.getBytes(StandardCharsets.UTF_8)));
        assertEquals(KNOWN_HASH, independent);
        assertEquals(KNOWN_HASH, hash);
    }

    @Test
    void genesisHashIsSixtyFourZeros() {
        assertEquals("0".repeat(64), AuditChain.GENESIS_HASH);
    }

    @Test
    void recordedAtIsEncodedAsIsoInstantInUtc() throws Exception {
        Instant whole = Instant.parse("2026-11-26T15:00:00Z");
        String encoding = "resguardo-audit-v1\n1:1\n20:2026-11-26T15:00:00Z\n1:a\n1:b\n0:\n2:{}\n64:"
                + AuditChain.GENESIS_HASH + "\n";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(encoding.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, AuditChain.hash(1, whole, "a", "b", "", "{}", AuditChain.GENESIS_HASH));
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesApart() {
        String abC = AuditChain.hash(1, T0, "ab", "c", "", "{}", AuditChain.GENESIS_HASH);
        String aBc = AuditChain.hash(1, T0, "a", "bc", "", "{}", AuditChain.GENESIS_HASH);
        assertNotEquals(abC, aBc);
        String withNewline = AuditChain.hash(1, T0, "a\n1:b", "", "", "{}", AuditChain.GENESIS_HASH);
        String split = AuditChain.hash(1, T0, "a", "b", "", "{}", AuditChain.GENESIS_HASH);
        assertNotEquals(withNewline, split);
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = AuditChain.hash(1, T0, "a", "b", "c", "{}", AuditChain.GENESIS_HASH);
        assertNotEquals(base, AuditChain.hash(2, T0, "a", "b", "c", "{}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0.plusNanos(1000), "a", "b", "c", "{}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0, "x", "b", "c", "{}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0, "a", "x", "c", "{}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0, "a", "b", "x", "{}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0, "a", "b", "c", "{\"a\":\"1\"}", AuditChain.GENESIS_HASH));
        assertNotEquals(base, AuditChain.hash(1, T0, "a", "b", "c", "{}", "1".repeat(64)));
    }

    @Test
    void hashOfAnEntryUsesItsOwnFields() {
        AuditEntry e = chain(1).get(0);
        assertEquals(AuditChain.hash(1, e.recordedAt(), e.actor(), e.action(), e.subject(), e.detail(),
                AuditChain.GENESIS_HASH), AuditChain.hashOf(e));
        assertEquals(e.entryHash(), AuditChain.hashOf(e));
    }

    @Test
    void anIntactChainVerifiesWithItsHead() {
        List<AuditEntry> chain = chain(5);
        ChainVerification v = verify(chain, 5, chain.get(4).entryHash());
        assertTrue(v.intact());
        assertEquals(5, v.entries());
        assertEquals(OptionalLong.empty(), v.firstBrokenSequence());
        assertTrue(verifyAlone(chain).intact());
    }

    @Test
    void anEmptyChainIsIntact() {
        ChainVerification v = AuditChain.verifier().finish(0, AuditChain.GENESIS_HASH);
        assertTrue(v.intact());
        assertEquals(0, v.entries());
        assertTrue(AuditChain.verifier().finish().intact());
    }

    @Test
    void anEmptyChainWhoseHeadSaysOtherwiseIsBrokenAtTheFirstEntry() {
        ChainVerification v = AuditChain.verifier().finish(2, "1".repeat(64));
        assertEquals(OptionalLong.of(1), v.firstBrokenSequence());
    }

    @Test
    void anAlteredFieldIsDetectedAtThatEntry() {
        List<AuditEntry> chain = chain(5);
        AuditEntry e = chain.get(2);
        chain.set(2, new AuditEntry(e.sequence(), e.recordedAt(), e.actor(), e.action(), e.subject(),
                "{\"amount\":\"1.00\"}", e.previousHash(), e.entryHash()));
        ChainVerification v = verify(chain, 5, chain.get(4).entryHash());
        assertFalse(v.intact());
        assertEquals(OptionalLong.of(3), v.firstBrokenSequence());
        assertEquals(5, v.entries());
    }

    @Test
    void anAlteredEntryWithARecomputedHashBreaksTheNextLink() {
        List<AuditEntry> chain = chain(5);
        AuditEntry e = chain.get(2);
        chain.set(2, entry(e.sequence(), e.recordedAt(), "admin:mallory", e.previousHash()));
        assertEquals(OptionalLong.of(4), verify(chain, 5, chain.get(4).entryHash()).firstBrokenSequence());
    }

    @Test
    void aChainRewrittenFromTheMiddleOnIsCaughtByTheHead() {
        List<AuditEntry> chain = chain(5);
        String head = chain.get(4).entryHash();
        List<AuditEntry> rewritten = new ArrayList<>(chain.subList(0, 2));
        String previous = chain.get(1).entryHash();
        for (long s = 3; s <= 5; s++) {
            AuditEntry forged = entry(s, T0.plusSeconds(s), "admin:mallory", previous);
            rewritten.add(forged);
            previous = forged.entryHash();
        }
        assertTrue(verifyAlone(rewritten).intact(), "on its own a consistent rewrite looks intact");
        assertEquals(OptionalLong.of(5), verify(rewritten, 5, head).firstBrokenSequence());
    }

    @Test
    void aWrongFirstPreviousHashIsDetectedAtTheFirstEntry() {
        List<AuditEntry> chain = new ArrayList<>();
        chain.add(entry(1, T0, "admin:ana", "1".repeat(64)));
        assertEquals(OptionalLong.of(1), verifyAlone(chain).firstBrokenSequence());
    }

    @Test
    void aMissingEntryIsDetectedAtItsSequence() {
        List<AuditEntry> chain = chain(5);
        chain.remove(2);
        ChainVerification v = verify(chain, 5, chain.get(3).entryHash());
        assertEquals(OptionalLong.of(3), v.firstBrokenSequence());
        assertEquals(4, v.entries());
    }

    @Test
    void aMissingFirstEntryIsDetectedAtOne() {
        List<AuditEntry> chain = chain(3);
        chain.remove(0);
        assertEquals(OptionalLong.of(1), verifyAlone(chain).firstBrokenSequence());
    }

    @Test
    void reorderedEntriesAreDetectedAtTheFirstOutOfPlace() {
        List<AuditEntry> chain = chain(5);
        Collections.swap(chain, 2, 3);
        assertEquals(OptionalLong.of(3), verify(chain, 5, chain.get(4).entryHash()).firstBrokenSequence());
    }

    @Test
    void anInsertedEntryIsDetected() {
        List<AuditEntry> chain = chain(5);
        chain.add(2, entry(3, T0.plusSeconds(3), "admin:mallory", chain.get(1).entryHash()));
        ChainVerification v = verify(chain, 5, chain.get(5).entryHash());
        assertFalse(v.intact());
        assertEquals(OptionalLong.of(3), v.firstBrokenSequence());
    }

    @Test
    void anEntryAppendedBeyondTheHeadIsDetected() {
        List<AuditEntry> chain = chain(5);
        ChainVerification v = verify(chain, 4, chain.get(3).entryHash());
        assertEquals(OptionalLong.of(5), v.firstBrokenSequence());
    }

    @Test
    void truncationIsDetectedOnlyAgainstTheHead() {
        List<AuditEntry> chain = chain(5);
        String head = chain.get(4).entryHash();
        List<AuditEntry> truncated = chain.subList(0, 3);
        assertTrue(verifyAlone(truncated).intact(), "a prefix of a chain is a valid chain on its own");
        ChainVerification v = verify(truncated, 5, head);
        assertEquals(OptionalLong.of(4), v.firstBrokenSequence());
        assertEquals(3, v.entries());
    }

    @Test
    void aHeadHashThatDisagreesBreaksTheLastEntry() {
        List<AuditEntry> chain = chain(5);
        assertEquals(OptionalLong.of(5), verify(chain, 5, "f".repeat(64)).firstBrokenSequence());
    }

    @Test
    void theVerifierCountsEveryEntryButReportsTheFirstBreak() {
        List<AuditEntry> chain = chain(6);
        AuditEntry second = chain.get(1);
        AuditEntry fifth = chain.get(4);
        chain.set(1, new AuditEntry(2, second.recordedAt(), "admin:x", second.action(), second.subject(),
                second.detail(), second.previousHash(), second.entryHash()));
        chain.set(4, new AuditEntry(5, fifth.recordedAt(), "admin:y", fifth.action(), fifth.subject(),
                fifth.detail(), fifth.previousHash(), fifth.entryHash()));
        ChainVerification v = verify(chain, 6, chain.get(5).entryHash());
        assertEquals(OptionalLong.of(2), v.firstBrokenSequence());
        assertEquals(6, v.entries());
    }

    @Test
    void entriesRefuseNonPositiveSequencesAndSubMicrosecondTimes() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuditEntry(0, T0, "a", "b", "", "{}", AuditChain.GENESIS_HASH, AuditChain.GENESIS_HASH));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry(1, T0.plusNanos(1), "a", "b", "", "{}",
                AuditChain.GENESIS_HASH, AuditChain.GENESIS_HASH));
    }

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        for (long s = 1; s <= length; s++) {
            AuditEntry e = entry(s, T0.plusSeconds(s), "admin:ana", previous);
            chain.add(e);
            previous = e.entryHash();
        }
        return chain;
    }

    private static AuditEntry entry(long sequence, Instant at, String actor, String previousHash) {
        String detail = "{\"n\":\"" + sequence + "\"}";
        String hash = AuditChain.hash(sequence, at, actor, "test.entry", "T-" + sequence, detail, previousHash);
        return new AuditEntry(sequence, at, actor, "test.entry", "T-" + sequence, detail, previousHash, hash);
    }

    private static ChainVerification verify(List<AuditEntry> entries, long headSequence, String headHash) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        entries.forEach(verifier::accept);
        return verifier.finish(headSequence, headHash);
    }

    private static ChainVerification verifyAlone(List<AuditEntry> entries) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        entries.forEach(verifier::accept);
        return verifier.finish();
    }
}
