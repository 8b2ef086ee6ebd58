package io.resguardo.sql.audit;

import io.resguardo.core.audit.AuditChain;
import io.resguardo.core.audit.AuditEntry;
import io.resguardo.core.audit.ChainVerification;
import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.internal.JsonText;
import io.resguardo.sql.internal.Timestamps;
import io.resguardo.sql.internal.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit log.
 *
 * <p>One linear chain, however many transactions and nodes append: an appender locks the single
 * {@code audit_head} row, links its entry to the head's hash, and moves the head, all in the caller's transaction.
 * The lock is held until that transaction ends, so {@link #append(Connection, AuditRecord)} should be the last
 * write of a transaction, keeping the time others wait short. An entry rolled back with its transaction leaves no
 * gap: the head moves back with it.
 */
public final class AuditLog {
    private static final String COLUMNS =
            "sequence, recorded_at, actor, action, subject, detail, previous_hash, entry_hash";

    private final Transactions transactions;
    private final Clock clock;

    public AuditLog(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Appends in a transaction of its own. */
    public AuditEntry append(AuditRecord record) {
        return transactions.inTransaction("appending to the audit log", c -> append(c, record));
    }

    /** Appends within the caller's open transaction; see the class comment on lock order. */
    public AuditEntry append(Connection c, AuditRecord record) throws SQLException {
        long previousSequence;
        String previousHash;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing", "55000");
            }
            previousSequence = rs.getLong(1);
            previousHash = rs.getString(2);
        }
        long sequence = previousSequence + 1;
        Instant now = Timestamps.truncate(clock.instant());
        String detail = detailJson(record.detail());
        String hash = AuditChain.hash(sequence, now, record.actor(), record.action(), record.subject(), detail,
                previousHash);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            Timestamps.set(ps, 2, now);
            ps.setString(3, record.actor());
            ps.setString(4, record.action());
            ps.setString(5, record.subject());
            ps.setString(6, detail);
            ps.setString(7, previousHash);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                     c.prepareStatement("UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return new AuditEntry(sequence, now, record.actor(), record.action(), record.subject(), detail,
                previousHash, hash);
    }

    /** Sorted names, so equal details always encode alike; values other than identifiers redacted. */
    private static String detailJson(Map<String, String> detail) {
        Map<String, String> sorted = new TreeMap<>();
        detail.forEach((name, value) -> sorted.put(name,
                AuditRecord.IDENTIFIERS.contains(name) ? value : Redactor.standard().redact(value)));
        String json = JsonText.object(sorted);
        if (json.length() > 4000) {
            throw new IllegalArgumentException("audit detail longer than 4000 characters");
        }
        return json;
    }

    /**
     * Walks the whole chain in sequence order and checks every link, then that the chain ends where the head says
     * (so entries deleted from the end are caught too).
     */
    public ChainVerification verify() {
        return transactions.inTransaction("verifying the audit log", c -> {
            AuditChain.Verifier verifier = AuditChain.verifier();
            long headSequence;
            String headHash;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1")) {
                rs.next();
                headSequence = rs.getLong(1);
                headHash = rs.getString(2);
            }
            forEach(c, headSequence, verifier::accept);
            return verifier.finish(headSequence, headHash);
        });
    }

    /** Every entry in sequence order, streamed (an export as JSON lines for the offline verifier). */
    public void export(Consumer<AuditEntry> sink) {
        transactions.inTransaction("exporting the audit log", c -> {
            forEach(c, Long.MAX_VALUE, sink);
            return null;
        });
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEntry> recent(int limit) {
        return transactions.inTransaction("reading the audit log", c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_log ORDER BY sequence DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, Math.max(1, Math.min(limit, 1000)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return entries;
        });
    }

    /** Entries up to {@code untilSequence}: a head read first bounds the walk, so appends during it do not count. */
    private static void forEach(Connection c, long untilSequence, Consumer<AuditEntry> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_log WHERE sequence <= ? ORDER BY sequence")) {
            ps.setLong(1, untilSequence);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(entry(rs));
                }
            }
        }
    }

    /** A row as stored; a column someone set to NULL reads as empty text, which then fails its hash. */
    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Instant recordedAt = Timestamps.get(rs, "recorded_at");
        return new AuditEntry(rs.getLong("sequence"),
                recordedAt == null ? Instant.EPOCH : Timestamps.truncate(recordedAt), text(rs, "actor"),
                text(rs, "action"), text(rs, "subject"), text(rs, "detail"), text(rs, "previous_hash"),
                text(rs, "entry_hash"));
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }
}
