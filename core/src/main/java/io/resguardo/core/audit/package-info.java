/**
 * The audit log's hash chain (CONTRACT section 8): how an entry's hash is computed and how a chain is verified.
 * Shared by the database that writes the chain and by the offline verifier an auditor runs on an export.
 * {@link io.resguardo.core.audit.AuditChain} is the entry point.
 */
package io.resguardo.core.audit;
