/**
 * RFC 9530 {@code Content-Digest}: create and verify digests of exact body bytes. Entry point:
 * {@link io.resguardo.core.digest.ContentDigest}.
 */
package io.resguardo.core.digest;
