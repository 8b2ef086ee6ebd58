package io.resguardo.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The audit hash chain. An entry's hash is lower-case hex SHA-256 over a canonical encoding of all its fields but
 * the hash itself:
 *
 * <pre>
 * resguardo-audit-v1\n
 * then, for sequence, recordedAt, actor, action, subject, detail, previousHash in that order:
 * &lt;length of the UTF-8 bytes in decimal&gt;:&lt;the UTF-8 bytes&gt;\n
 * </pre>
 * with {@code sequence} in decimal and {@code recordedAt} in ISO-8601 UTC ({@link DateTimeFormatter#ISO_INSTANT}).
 * Length prefixes make the encoding unambiguous whatever the fields contain; chaining {@code previousHash} makes
 * any change, insertion, removal or reordering visible: at the changed entry, or, when whoever changed it also
 * recomputed its hash, at the next entry (at the writer's head for the last one).
 *
 * <p>Thread-safe, no state. {@link #verifier()} walks a chain entry by entry, so a chain of any length is
 * verified in constant memory.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final byte[] PREFIX = "resguardo-audit-v1\n".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** The hash the entry must carry. */
    public static String hash(long sequence, Instant recordedAt, String actor, String action, String subject,
                              String detail, String previousHash) {
        MessageDigest sha = sha256();
        sha.update(PREFIX);
        field(sha, Long.toString(sequence));
        field(sha, DateTimeFormatter.ISO_INSTANT.format(recordedAt));
        field(sha, actor);
        field(sha, action);
        field(sha, subject);
        field(sha, detail);
        field(sha, previousHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@link #hash} of an entry's own fields. */
    public static String hashOf(AuditEntry e) {
        return hash(e.sequence(), e.recordedAt(), e.actor(), e.action(), e.subject(), e.detail(), e.previousHash());
    }

    /** A verifier for a chain read from its first entry on. */
    public static Verifier verifier() {
        return new Verifier();
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Walks a chain in sequence order and remembers the first entry that breaks it. Not thread-safe. */
    public static final class Verifier {
        private long entries;
        private long expectedSequence = 1;
        private String previousHash = GENESIS_HASH;
        private long firstBroken = -1;

        private Verifier() {
        }

        /** Checks the next entry against the chain so far. */
        public void accept(AuditEntry entry) {
            entries++;
            if (firstBroken >= 0) {
                return;
            }
            if (entry.sequence() != expectedSequence) {
                firstBroken = Math.min(entry.sequence(), expectedSequence);
                return;
            }
            if (!entry.previousHash().equals(previousHash) || !hashOf(entry).equals(entry.entryHash())) {
                firstBroken = entry.sequence();
                return;
            }
            previousHash = entry.entryHash();
            expectedSequence++;
        }

        /**
         * The verdict, given where the writer says the chain ends (its head), so that entries removed from the end
         * are caught too.
         *
         * @param headSequence the last sequence the writer recorded; negative when unknown (an export on its own)
         * @param headHash the last hash the writer recorded; ignored when {@code headSequence} is negative
         */
        public ChainVerification finish(long headSequence, String headHash) {
            if (firstBroken < 0 && headSequence >= 0) {
                long last = expectedSequence - 1;
                if (headSequence != last) {
                    firstBroken = Math.min(headSequence, last) + 1;
                } else if (!previousHash.equals(headHash)) {
                    firstBroken = Math.max(last, 1);
                }
            }
            return new ChainVerification(entries, firstBroken < 0 ? OptionalLong.empty() : OptionalLong.of(firstBroken));
        }

        /** The verdict from the entries alone. */
        public ChainVerification finish() {
            return finish(-1, null);
        }
    }
}
