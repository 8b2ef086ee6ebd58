/**
 * Persistence for Resguardo over plain JDBC and HikariCP (H2 by default, PostgreSQL for several nodes).
 * The stores arrive with the sql issue; this package reserves the module in the build.
 */
package io.resguardo.sql;
