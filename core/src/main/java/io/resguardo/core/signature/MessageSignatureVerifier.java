package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.structuredfield.Member;
import io.resguardo.core.time.TimestampOutOfRangeException;
import io.resguardo.core.time.TimestampWindow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Verifies the RFC 9421 signatures of a request under a {@link SignaturePolicy}. Immutable and thread-safe when its
 * collaborators are.
 *
 * <p>For each signature, in the order of {@code Signature-Input}, the checks run in this order, which fixes both
 * the error code and what an attacker can learn or spend:
 * <ol>
 *   <li>parse both headers strictly ({@code SIGNATURE_MISSING} when either is absent or blank, else
 *       {@code SIGNATURE_INVALID});</li>
 *   <li>the policy ({@code SIGNATURE_INVALID} naming the rule);</li>
 *   <li>the key id ({@code UNKNOWN_KEY});</li>
 *   <li>{@code created} within the window, and {@code expires} (when present) not passed by more than the
 *       tolerance ({@code TIMESTAMP_OUT_OF_RANGE} with the skew seen);</li>
 *   <li>the HMAC-SHA256, compared in constant time against every candidate key ({@code SIGNATURE_INVALID}, also
 *       when a covered header field is missing);</li>
 *   <li>when {@code content-digest} is covered, the digest against the exact body ({@code DIGEST_MISMATCH});</li>
 *   <li>last, the nonce is claimed ({@code REPLAY_DETECTED}), so a forged request never uses up a real nonce.</li>
 * </ol>
 * With several signatures, verification succeeds with the first that passes every check. When none does, the
 * error reported is that of the signature that got furthest (the first such one on a tie): the policy rejection of
 * an extra signature does not hide, say, the replay of the real one.
 */
public final class MessageSignatureVerifier {
    private static final int STAGE_POLICY = 1;
    private static final int STAGE_KEY = 2;
    private static final int STAGE_TIME = 3;
    private static final int STAGE_SIGNATURE = 4;
    private static final int STAGE_DIGEST = 5;
    private static final int STAGE_NONCE = 6;

    private final SignaturePolicy policy;
    private final KeyResolver keys;
    private final TimestampWindow window;
    private final NonceRegistry nonces;
    /** Mac.getInstance costs more than the HMAC itself; a Mac is reinitialised per key, so one per thread is safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(MessageSignatures::newMac);

    public MessageSignatureVerifier(SignaturePolicy policy, KeyResolver keys, TimestampWindow window,
                                    NonceRegistry nonces) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.window = Objects.requireNonNull(window, "window");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * Verifies {@code request}; its body must be the exact bytes received.
     *
     * @return the signature that verified
     * @throws ResguardoException with {@code SIGNATURE_MISSING}, {@code SIGNATURE_INVALID}, {@code UNKNOWN_KEY},
     *     {@code TIMESTAMP_OUT_OF_RANGE} (a {@link TimestampOutOfRangeException}), {@code DIGEST_MISMATCH},
     *     {@code REPLAY_DETECTED}, or {@code SERVICE_UNAVAILABLE} when the nonce registry cannot record
     */
    public VerifiedSignature verify(HttpRequestView request) throws ResguardoException {
        Objects.requireNonNull(request, "request");
        List<String> inputLines = request.headerValues(SignatureHeaderParser.SIGNATURE_INPUT);
        List<String> signatureLines = request.headerValues(SignatureHeaderParser.SIGNATURE);
        // An empty or blank field is no signature at all, as for PE-Signature and webhook-signature.
        if (allBlank(inputLines) || allBlank(signatureLines)) {
            throw new ResguardoException(ErrorCode.SIGNATURE_MISSING,
                    "the request has no " + (allBlank(inputLines) ? "Signature-Input" : "Signature") + " header");
        }
        Map<String, Member> inputs = SignatureHeaderParser.dictionary(join(inputLines), policy.limits(),
                SignatureHeaderParser.SIGNATURE_INPUT);
        Map<String, Member> signatures = SignatureHeaderParser.dictionary(join(signatureLines), policy.limits(),
                SignatureHeaderParser.SIGNATURE);
        ResguardoException worst = null;
        int worstStage = -1;
        for (Map.Entry<String, Member> entry : inputs.entrySet()) {
            Attempt attempt = new Attempt();
            try {
                return verifyOne(request, entry.getKey(), entry.getValue(), signatures.get(entry.getKey()), attempt);
            } catch (ResguardoException e) {
                if (attempt.stage > worstStage) {
                    worst = e;
                    worstStage = attempt.stage;
                }
            }
        }
        throw worst;
    }

    private VerifiedSignature verifyOne(HttpRequestView request, String label, Member inputMember,
                                        Member signatureMember, Attempt attempt) throws ResguardoException {
        SignatureInput input = SignatureHeaderParser.input(label, inputMember);
        byte[] presented = SignatureHeaderParser.signature(label, signatureMember);
        SignatureParameters p = input.parameters();

        attempt.stage = STAGE_POLICY;
        policy.check(p, request);

        attempt.stage = STAGE_KEY;
        List<Secret> candidates = keys.candidates(p.keyId());
        if (candidates == null || candidates.isEmpty()) {
            throw new ResguardoException(ErrorCode.UNKNOWN_KEY,
                    "unknown keyid " + Components.quoted(p.keyId()));
        }

        attempt.stage = STAGE_TIME;
        checkTime(p);

        attempt.stage = STAGE_SIGNATURE;
        String base = SignatureBase.build(request, input);
        int keyIndex = matchingKey(candidates, base, presented, label);

        attempt.stage = STAGE_DIGEST;
        boolean digestCovered = p.components().contains(Components.CONTENT_DIGEST);
        if (digestCovered) {
            ContentDigest.verify(join(request.headerValues(Components.CONTENT_DIGEST)), request.bodyUnsafe());
        }

        attempt.stage = STAGE_NONCE;
        if (p.nonce() != null) {
            nonces.claim(p.keyId(), p.nonce(), nonceExpiry(p));
        }
        return new VerifiedSignature(label, p.keyId(), keyIndex, p.components(),
                Optional.ofNullable(p.created()).map(Instant::ofEpochSecond), Optional.ofNullable(p.nonce()),
                digestCovered);
    }

    private void checkTime(SignatureParameters p) throws TimestampOutOfRangeException {
        if (p.created() != null) {
            window.checkEpochSecond(p.created());
        }
        if (p.expires() != null) {
            Duration skew = Duration.between(window.clock().instant(), Instant.ofEpochSecond(p.expires()));
            if (skew.negated().compareTo(window.tolerance()) > 0) {
                throw new TimestampOutOfRangeException(skew, window.tolerance());
            }
        }
    }

    /** Tries every candidate (no early exit on a mismatch of one) and answers the first index that matched. */
    private int matchingKey(List<Secret> candidates, String base, byte[] presented, String label)
            throws ResguardoException {
        byte[] message = base.getBytes(StandardCharsets.US_ASCII);
        Mac mac = macs.get();
        int match = -1;
        for (int i = 0; i < candidates.size(); i++) {
            if (MessageDigest.isEqual(MessageSignatures.hmac(mac, candidates.get(i), message), presented)
                    && match < 0) {
                match = i;
            }
        }
        if (match < 0) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                    "signature " + label + " does not verify with any key of its keyid");
        }
        return match;
    }

    /** A nonce can come back only while {@code created} is in the window, so it is kept until then. */
    private Instant nonceExpiry(SignatureParameters p) {
        Instant anchor = p.created() != null ? Instant.ofEpochSecond(p.created()) : window.clock().instant();
        return anchor.plus(window.tolerance());
    }

    /** Whether there is no field line, or every one is blank. */
    private static boolean allBlank(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Field lines joined as RFC 9110 section 5.3 allows; {@code null} when there are none. */
    private static String join(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        return lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
    }

    /** How far one signature got, to pick the most telling error when none verifies. */
    private static final class Attempt {
        private int stage;
    }
}
