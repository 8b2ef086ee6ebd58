package io.resguardo.core.signature;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Hmacs;
import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 9421 HTTP Message Signatures with {@code hmac-sha256}: signing, the signature base, and parsing of
 * {@code Signature-Input}. Verification lives in {@link MessageSignatureVerifier}.
 *
 * <p>Supported components: the derived {@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @path}, {@code @query}, {@code @request-target}, and header fields by lowercase name (values trimmed of
 * leading and trailing spaces and tabs, repeated fields joined with {@code ", "}). Component parameters and the
 * other derived components ({@code @query-param}, {@code @status}) are rejected. {@code @authority} and the
 * authority in {@code @target-uri} are lowercased, with the scheme's default port dropped; an authority that is not
 * an RFC 3986 host and optional port, or a path holding {@code ?} or {@code #}, is rejected, so that no two targets
 * share a line. The signature base must be US-ASCII: a covered value with another character is rejected.
 */
public final class MessageSignatures {
    static final String HMAC = "HmacSHA256";

    private MessageSignatures() {
    }

    /**
     * Signs {@code request} with {@code key}.
     *
     * @return the {@code Signature-Input} and {@code Signature} values (one member each, labelled as in
     *     {@code parameters})
     * @throws IllegalArgumentException when a covered component is missing from the request or not US-ASCII
     */
    public static SignatureHeaders sign(HttpRequestView request, SignatureParameters parameters, Secret key) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(key, "key");
        SignatureInput input = SignatureInput.of(parameters);
        String base;
        try {
            base = SignatureBase.build(request, input);
        } catch (ResguardoException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        byte[] mac = hmac(key, base.getBytes(StandardCharsets.US_ASCII));
        return new SignatureHeaders(input.toHeaderMember(),
                parameters.label() + "=:" + Base64.getEncoder().encodeToString(mac) + ":");
    }

    /**
     * The signature base (RFC 9421 section 2.5) of {@code request} for one signature: the lines that are signed,
     * joined with LF, without a trailing newline. Public so that tools can show what was signed.
     *
     * @throws ResguardoException {@link io.resguardo.core.ErrorCode#SIGNATURE_INVALID} when a covered header field
     *     is absent (the message names it) or a covered value is not US-ASCII
     */
    public static String signatureBase(HttpRequestView request, SignatureInput input) throws ResguardoException {
        return SignatureBase.build(Objects.requireNonNull(request, "request"), Objects.requireNonNull(input, "input"));
    }

    /**
     * Parses a {@code Signature-Input} field value, with {@link SignaturePolicy#DEFAULT_LIMITS}.
     *
     * @return the members by label, in order
     * @throws ResguardoException {@link io.resguardo.core.ErrorCode#SIGNATURE_INVALID} when malformed, empty,
     *     over a limit, or using an unsupported component, component parameter or signature parameter
     */
    public static Map<String, SignatureInput> parseSignatureInput(String fieldValue) throws ResguardoException {
        return SignatureHeaderParser.inputs(Objects.requireNonNull(fieldValue, "fieldValue"),
                SignaturePolicy.DEFAULT_LIMITS);
    }

    static byte[] hmac(Secret key, byte[] message) {
        return hmac(newMac(), key, message);
    }

    /** HMAC-SHA256 with {@code mac}, which is (re)initialised with {@code key}; the key copy is wiped after. */
    static byte[] hmac(Mac mac, Secret key, byte[] message) {
        byte[] keyBytes = key.revealBytes();
        try {
            mac.init(new SecretKeySpec(keyBytes, HMAC));
            return mac.doFinal(message);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 accepts any non-empty key", e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    static Mac newMac() {
        return Hmacs.newMac(HMAC);
    }
}
