package io.resguardo.sql.audit;

import io.resguardo.core.audit.AuditChain;
import io.resguardo.core.audit.AuditEntry;
import io.resguardo.core.audit.ChainVerification;
import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.internal.JsonText;
import io.resguardo.sql.internal.RowInsert;
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
 * <p>Entries are written in two steps, so that no business transaction waits on the chain:
 * <ol>
 *   <li>{@link #append(Connection, AuditRecord)} inserts the entry, unchained, into {@code audit_pending} inside the
 *       caller's transaction: it exists exactly when the change it records was committed, and takes no lock
 *       another transaction could wait on;</li>
 *   <li>{@link #chainPending()} links pending entries into {@code audit_log} in one transaction per batch: it locks
 *       the single {@code audit_head} row, gives each entry the next sequence and its hash over the previous one,
 *       removes them from {@code audit_pending} and moves the head. Whoever holds that lock chains; others wait,
 *       then find nothing left. So there is one linear chain whatever the number of nodes.</li>
 * </ol>
 * {@link io.resguardo.sql.Database} chains every 200 ms in the background, and every read ({@link #verify}, {@link #export},
 * {@link #recent}) chains first, so readers see every committed entry. The price: for those few hundred
 * milliseconds an entry is not yet protected by the chain (an insider editing {@code audit_pending} in that window
 * is not detected), and sequence order is chaining order, which may differ slightly from {@code recorded_at}
 * order across nodes.
 *
 * @see io.resguardo.sql.Database
 */
public final class AuditLog {
    private static final String COLUMNS =
            "sequence, recorded_at, actor, action, subject, detail, previous_hash, entry_hash";
    /** Entries linked per chaining transaction. */
    static final int CHAIN_BATCH = 500;

    private final Transactions transactions;
    private final Clock clock;

    public AuditLog(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Appends and links at once, in a transaction of its own (entries already pending are linked first). */
    public AuditEntry append(AuditRecord record) {
        return transactions.inTransaction("appending to the audit log", c -> {
            Head head = lockHead(c);
            head = chain(c, head, Integer.MAX_VALUE);
            AuditEntry entry = link(c, head, Timestamps.truncate(clock.instant()), record.actor(), record.action(),
                    record.subject(), detailJson(record.detail()));
            moveHead(c, new Head(entry.sequence(), entry.entryHash()));
            return entry;
        });
    }

    /**
     * Records an entry within the caller's open transaction, unchained: it commits or rolls back with the change it
     * records, and is linked into the chain shortly after the commit (see the class comment).
     */
    public void append(Connection c, AuditRecord record) throws SQLException {
        appending(record).execute(c);
    }

    /** The same row as {@link #append(Connection, AuditRecord)}, for the caller to send with others. */
    public RowInsert appending(AuditRecord record) {
        Instant recordedAt = Timestamps.truncate(clock.instant());
        String detail = detailJson(record.detail());
        return new RowInsert("INSERT INTO audit_pending (recorded_at, actor, action, subject, detail) "
                + "VALUES (?, ?, ?, ?, ?)", (ps, i) -> {
                    Timestamps.set(ps, i, recordedAt);
                    ps.setString(i + 1, record.actor());
                    ps.setString(i + 2, record.action());
                    ps.setString(i + 3, record.subject());
                    ps.setString(i + 4, detail);
                    return i + 5;
                });
    }

    /**
     * Links every committed pending entry into the chain, {@value #CHAIN_BATCH} per transaction.
     *
     * @return how many entries were linked
     * @throws io.resguardo.sql.DatabaseUnavailableException when the database cannot be reached (nothing is lost:
     *                                                       the entries stay pending)
     */
    public int chainPending() {
        int total = 0;
        while (true) {
            int linked = transactions.inTransaction("linking audit entries", c -> {
                Head before = lockHead(c);
                Head after = chain(c, before, CHAIN_BATCH);
                return (int) (after.sequence() - before.sequence());
            });
            total += linked;
            if (linked < CHAIN_BATCH) {
                return total;
            }
        }
    }

    private record Head(long sequence, String hash) {
    }

    private static Head lockHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing", "55000");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** Links up to {@code limit} pending entries after {@code head} (locked by the caller); returns the new head. */
    private static Head chain(Connection c, Head head, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Head current = head;
        try (PreparedStatement select = c.prepareStatement("SELECT id, recorded_at, actor, action, subject, detail "
                + "FROM audit_pending ORDER BY id FETCH FIRST ? ROWS ONLY");
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    AuditEntry entry = next(current, Timestamps.truncate(Timestamps.get(rs, "recorded_at")), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6));
                    bind(insert, entry);
                    insert.addBatch();
                    current = new Head(entry.sequence(), entry.entryHash());
                }
            }
            if (ids.isEmpty()) {
                return head;
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_pending WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        moveHead(c, current);
        return current;
    }

    private static AuditEntry next(Head head, Instant recordedAt, String actor, String action, String subject,
                                   String detail) {
        long sequence = head.sequence() + 1;
        String hash = AuditChain.hash(sequence, recordedAt, actor, action, subject, detail, head.hash());
        return new AuditEntry(sequence, recordedAt, actor, action, subject, detail, head.hash(), hash);
    }

    private static AuditEntry link(Connection c, Head head, Instant recordedAt, String actor, String action,
                                   String subject, String detail) throws SQLException {
        AuditEntry entry = next(head, recordedAt, actor, action, subject, detail);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, entry);
            ps.executeUpdate();
        }
        return entry;
    }

    private static void bind(PreparedStatement ps, AuditEntry entry) throws SQLException {
        ps.setLong(1, entry.sequence());
        Timestamps.set(ps, 2, entry.recordedAt());
        ps.setString(3, entry.actor());
        ps.setString(4, entry.action());
        ps.setString(5, entry.subject());
        ps.setString(6, entry.detail());
        ps.setString(7, entry.previousHash());
        ps.setString(8, entry.entryHash());
    }

    private static void moveHead(Connection c, Head head) throws SQLException {
        try (PreparedStatement ps =
                     c.prepareStatement("UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, head.sequence());
            ps.setString(2, head.hash());
            ps.executeUpdate();
        }
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
        chainPending();
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
        chainPending();
        transactions.inTransaction("exporting the audit log", c -> {
            forEach(c, Long.MAX_VALUE, sink);
            return null;
        });
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEntry> recent(int limit) {
        chainPending();
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

    /** Entries written but not yet linked into the chain (normally a few, for under a second). */
    public long pendingCount() {
        return transactions.inTransaction("counting pending audit entries", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_pending")) {
                rs.next();
                return rs.getLong(1);
            }
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
