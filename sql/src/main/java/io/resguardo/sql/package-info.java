/**
 * Everything Resguardo remembers, over plain JDBC and HikariCP: H2 embedded by default, PostgreSQL when several
 * nodes share the work. {@link io.resguardo.sql.Database} is the entry point: it opens the pool (or looks up the
 * container's DataSource), applies the schema migrations and hands out the stores.
 *
 * <p>Failure model: a database that cannot be reached, or that stays contended after a few retries, surfaces as
 * {@link io.resguardo.sql.DatabaseUnavailableException} (answer 503 with Retry-After); constraint violations become
 * domain outcomes (duplicate, conflict) and no SQL text or driver message ever reaches a caller.
 */
package io.resguardo.sql;
