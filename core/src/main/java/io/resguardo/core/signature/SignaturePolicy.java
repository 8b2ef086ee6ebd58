package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.structuredfield.StructuredFieldLimits;

import java.util.List;
import java.util.Objects;

/**
 * What a signature must cover and claim before its key is even looked up, and the parsing limits for the two
 * signature headers. Immutable and thread-safe.
 *
 * <p>Every policy requires: {@code keyid} present (keys are resolved by it); {@code alg}, when present, equal to
 * {@code hmac-sha256}. {@link #shopApi()} adds the rules of CONTRACT.md section 4; {@link #rfc9421()} adds nothing.
 * A signature that breaks a rule is rejected with {@link ErrorCode#SIGNATURE_INVALID} naming the rule.
 */
public final class SignaturePolicy {
    /** The only algorithm verified. */
    public static final String ALGORITHM = "hmac-sha256";

    /**
     * Default parsing limits: headers of at most 8 KiB, 8 signatures, 32 components per signature, 8 parameters.
     * Nonces are at most 128 printable characters whatever the limits.
     */
    public static final StructuredFieldLimits DEFAULT_LIMITS = new StructuredFieldLimits(8192, 8, 32, 8);

    private final boolean shopRules;
    private final StructuredFieldLimits limits;

    private SignaturePolicy(boolean shopRules, StructuredFieldLimits limits) {
        this.shopRules = shopRules;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * CONTRACT.md section 4: covered components include {@code "@method"}; {@code "@target-uri"}, or
     * {@code "@authority"} and {@code "@path"} plus {@code "@query"} when the request has a query; and
     * {@code "content-digest"} when the request has a non-empty body. Parameters {@code created} and {@code nonce}
     * are required.
     */
    public static SignaturePolicy shopApi() {
        return new SignaturePolicy(true, DEFAULT_LIMITS);
    }

    /** Plain RFC 9421: valid syntax, a {@code keyid}, and {@code alg} absent or {@code hmac-sha256}. */
    public static SignaturePolicy rfc9421() {
        return new SignaturePolicy(false, DEFAULT_LIMITS);
    }

    /** This policy with other parsing limits. */
    public SignaturePolicy withLimits(StructuredFieldLimits newLimits) {
        return new SignaturePolicy(shopRules, newLimits);
    }

    public StructuredFieldLimits limits() {
        return limits;
    }

    /**
     * Checks one signature's input against this policy for {@code request}.
     *
     * @throws ResguardoException {@link ErrorCode#SIGNATURE_INVALID} naming the first rule broken
     */
    public void check(SignatureParameters p, HttpRequestView request) throws ResguardoException {
        if (p.alg() != null && !ALGORITHM.equals(p.alg())) {
            throw broken(p, "alg must be " + ALGORITHM + " (only HMAC-SHA256 is supported)");
        }
        if (p.keyId() == null) {
            throw broken(p, "keyid is required");
        }
        if (!shopRules) {
            return;
        }
        List<String> c = p.components();
        if (!c.contains(Components.METHOD)) {
            throw broken(p, "\"@method\" must be covered");
        }
        if (!c.contains(Components.TARGET_URI)) {
            if (!c.contains(Components.AUTHORITY) || !c.contains(Components.PATH)) {
                throw broken(p, "\"@target-uri\", or \"@authority\" and \"@path\", must be covered");
            }
            if (request.query() != null && !c.contains(Components.QUERY)) {
                throw broken(p, "\"@query\" must be covered when the request has a query");
            }
        }
        if (request.bodyLength() > 0 && !c.contains(Components.CONTENT_DIGEST)) {
            throw broken(p, "\"content-digest\" must be covered when the request has a body");
        }
        if (p.created() == null) {
            throw broken(p, "created is required");
        }
        if (p.nonce() == null) {
            throw broken(p, "nonce is required");
        }
    }

    private static ResguardoException broken(SignatureParameters p, String rule) {
        return new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                "signature " + p.label() + " does not meet the policy: " + rule);
    }

    @Override
    public String toString() {
        return "SignaturePolicy[" + (shopRules ? "shop-api" : "rfc9421") + ", " + limits + "]";
    }
}
