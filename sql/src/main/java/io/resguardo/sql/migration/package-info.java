/**
 * Versioned plain-SQL schema migrations, applied in order at start-up, each recorded with its checksum.
 * {@link io.resguardo.sql.migration.SchemaMigrator} is the entry point.
 */
package io.resguardo.sql.migration;
