/**
 * RFC 9421 HTTP Message Signatures with {@code hmac-sha256}, and the shop-API policy of CONTRACT.md section 4.
 *
 * <p>Entry points: {@link io.resguardo.core.signature.MessageSignatures} (sign, signature base, parsing) and
 * {@link io.resguardo.core.signature.MessageSignatureVerifier} (verify under a
 * {@link io.resguardo.core.signature.SignaturePolicy}).
 */
package io.resguardo.core.signature;
