package io.resguardo.core.digest;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.structuredfield.BareItem;
import io.resguardo.core.structuredfield.Item;
import io.resguardo.core.structuredfield.Member;
import io.resguardo.core.structuredfield.StructuredFieldLimits;
import io.resguardo.core.structuredfield.StructuredFields;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Creates and verifies RFC 9530 {@code Content-Digest} field values over the exact body bytes (never a re-encoding
 * of them).
 *
 * <p>Verification guarantees: the field is parsed strictly as an RFC 8941 dictionary (at most
 * {@value #MAX_FIELD_LENGTH} characters, {@value #MAX_MEMBERS} members); members for algorithms other than
 * {@code sha-256} and {@code sha-512} are ignored; at least one supported algorithm must be present, and every
 * supported one present must match. Comparison is {@link MessageDigest#isEqual}. Every failure is a
 * {@link ResguardoException} with {@link ErrorCode#DIGEST_MISMATCH}.
 */
public final class ContentDigest {
    /** The longest {@code Content-Digest} value accepted. */
    public static final int MAX_FIELD_LENGTH = 1024;
    /** The most dictionary members accepted. */
    public static final int MAX_MEMBERS = 8;

    private static final StructuredFieldLimits LIMITS = new StructuredFieldLimits(MAX_FIELD_LENGTH, MAX_MEMBERS, 1, 4);

    /** The supported digest algorithms, by their RFC 9530 registry key. */
    public enum Algorithm {
        SHA_256("sha-256", "SHA-256", 32),
        SHA_512("sha-512", "SHA-512", 64);

        private final String key;
        private final String jcaName;
        private final int length;

        Algorithm(String key, String jcaName, int length) {
            this.key = key;
            this.jcaName = jcaName;
            this.length = length;
        }

        /** The dictionary key, e.g. {@code sha-256}. */
        public String key() {
            return key;
        }

        byte[] digest(byte[] body) {
            try {
                return MessageDigest.getInstance(jcaName).digest(body);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides " + jcaName, e);
            }
        }

        static Algorithm byKey(String key) {
            for (Algorithm a : values()) {
                if (a.key.equals(key)) {
                    return a;
                }
            }
            return null;
        }
    }

    /**
     * What a successful verification checked.
     *
     * @param algorithms the supported algorithms that were present and matched (never empty)
     */
    public record Verified(EnumSet<Algorithm> algorithms) {
        public Verified {
            algorithms = EnumSet.copyOf(algorithms);
        }

        @Override
        public EnumSet<Algorithm> algorithms() {
            return EnumSet.copyOf(algorithms);
        }
    }

    private ContentDigest() {
    }

    /** The field value for {@code body}, e.g. {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}. */
    public static String create(byte[] body, Algorithm algorithm) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(algorithm, "algorithm");
        return algorithm.key + "=:" + Base64.getEncoder().encodeToString(algorithm.digest(body)) + ":";
    }

    /**
     * Checks a {@code Content-Digest} field value against the body.
     *
     * @param fieldValue the field value (several field lines joined with a comma), or {@code null} when absent
     * @param body the exact body bytes
     * @return which algorithms matched
     * @throws ResguardoException {@link ErrorCode#DIGEST_MISMATCH} when the field is absent, malformed or over a
     *     limit, has no supported algorithm, or any supported digest differs from the body's
     */
    public static Verified verify(String fieldValue, byte[] body) throws ResguardoException {
        Objects.requireNonNull(body, "body");
        if (fieldValue == null) {
            throw new ResguardoException(ErrorCode.DIGEST_MISMATCH, "Content-Digest is missing");
        }
        Map<String, Member> members = StructuredFields.parseDictionary(fieldValue, LIMITS, ErrorCode.DIGEST_MISMATCH,
                "Content-Digest");
        EnumSet<Algorithm> matched = EnumSet.noneOf(Algorithm.class);
        for (Map.Entry<String, Member> m : members.entrySet()) {
            Algorithm algorithm = Algorithm.byKey(m.getKey());
            if (algorithm == null) {
                continue;
            }
            if (!(m.getValue() instanceof Item item) || !(item.value() instanceof BareItem.Bytes expected)) {
                throw new ResguardoException(ErrorCode.DIGEST_MISMATCH,
                        "Content-Digest member " + algorithm.key + " is not a byte sequence");
            }
            byte[] claimed = expected.value();
            if (claimed.length != algorithm.length) {
                throw new ResguardoException(ErrorCode.DIGEST_MISMATCH,
                        "Content-Digest member " + algorithm.key + " has the wrong length");
            }
            if (!MessageDigest.isEqual(claimed, algorithm.digest(body))) {
                throw new ResguardoException(ErrorCode.DIGEST_MISMATCH,
                        "Content-Digest " + algorithm.key + " does not match the body");
            }
            matched.add(algorithm);
        }
        if (matched.isEmpty()) {
            throw new ResguardoException(ErrorCode.DIGEST_MISMATCH,
                    "Content-Digest has no supported algorithm (sha-256 or sha-512)");
        }
        return new Verified(matched);
    }
}
