/**
 * Plumbing shared by the stores: the transaction runner with its retry and error-mapping policy, timestamp
 * conversion and a tiny JSON writer. Public only so that the store packages can reach it; not an API.
 */
package io.resguardo.sql.internal;
