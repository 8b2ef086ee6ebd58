package io.resguardo.sql.nonce;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.signature.NonceRegistry;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.internal.SqlErrors;
import io.resguardo.sql.internal.Timestamps;
import io.resguardo.sql.internal.Transactions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Nonces in the database: insert-if-absent per key id, so a nonce is accepted once across restarts and nodes.
 *
 * <p>A row whose expiry has passed may be taken over by a new claim (the timestamp check already rejects any
 * request old enough to carry it legitimately); {@link #purgeExpired()} deletes such rows in the background.
 * Fails closed: when the database cannot record the nonce, the claim throws {@code SERVICE_UNAVAILABLE}.
 */
public final class SqlNonceRegistry implements NonceRegistry {
    private final Transactions transactions;
    private final Clock clock;

    public SqlNonceRegistry(Transactions transactions, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void claim(String keyId, String nonce, Instant expiresAt) throws ResguardoException {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
        boolean claimed;
        try {
            claimed = transactions.inTransaction("recording a nonce", c -> {
                Savepoint beforeInsert = c.setSavepoint();
                try (PreparedStatement ps =
                             c.prepareStatement("INSERT INTO nonces (key_id, nonce, expires_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, keyId);
                    ps.setString(2, nonce);
                    Timestamps.set(ps, 3, expiresAt);
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!SqlErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(beforeInsert);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE nonces SET expires_at = ? "
                        + "WHERE key_id = ? AND nonce = ? AND expires_at < ?")) {
                    Timestamps.set(ps, 1, expiresAt);
                    ps.setString(2, keyId);
                    ps.setString(3, nonce);
                    Timestamps.set(ps, 4, clock.instant());
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (DatabaseException e) {
            throw new ResguardoException(ErrorCode.SERVICE_UNAVAILABLE, "nonce could not be recorded: "
                    + e.getMessage());
        }
        if (!claimed) {
            throw new ResguardoException(ErrorCode.REPLAY_DETECTED, "nonce already used for this key");
        }
    }

    /**
     * Deletes nonces whose expiry has passed.
     *
     * @return how many were deleted
     */
    public int purgeExpired() {
        return transactions.inTransaction("purging nonces", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nonces WHERE expires_at < ?")) {
                Timestamps.set(ps, 1, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public String toString() {
        return "SqlNonceRegistry";
    }
}
