/**
 * The append-only, hash-chained audit log (CONTRACT section 8). {@link io.resguardo.sql.audit.AuditLog} is the
 * entry point; the chain's hashing lives in core ({@link io.resguardo.core.audit.AuditChain}) so an auditor verifies
 * an export with the same code, offline.
 */
package io.resguardo.sql.audit;
