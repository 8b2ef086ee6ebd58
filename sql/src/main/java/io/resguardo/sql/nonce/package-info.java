/**
 * Shop API nonces shared by every node and kept across restarts. {@link io.resguardo.sql.nonce.SqlNonceRegistry}
 * is the entry point: a core {@link io.resguardo.core.signature.NonceRegistry}.
 */
package io.resguardo.sql.nonce;
