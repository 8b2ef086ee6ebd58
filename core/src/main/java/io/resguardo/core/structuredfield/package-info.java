/**
 * A strict parser and serializer for the subset of RFC 8941 Structured Field Values that HTTP Message Signatures
 * (RFC 9421) and Digest Fields (RFC 9530) need: dictionaries, inner lists, parameters, integers, strings, tokens,
 * byte sequences and booleans.
 *
 * <p>Entry point: {@link io.resguardo.core.structuredfield.StructuredFields}. Every parse failure is a
 * {@link io.resguardo.core.ResguardoException} carrying the code the caller chose; no input, however malformed,
 * produces an unchecked exception.
 */
package io.resguardo.core.structuredfield;
