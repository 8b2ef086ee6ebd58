package io.resguardo.core.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Hex;
import io.resguardo.core.internal.ThreadMacs;
import io.resguardo.core.secret.Secret;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs and verifies a set of named parameters the way PagoEfectivo-style APIs do: the values of a declared list of
 * fields, in that declared order, joined by a declared separator, MACed with HMAC-SHA-2 and encoded as hex or base64.
 *
 * <p>Security guarantees:
 * <ul>
 *   <li>Only HMAC-SHA256, -SHA384 and -SHA512 exist here; MD5 and SHA-1 are refused by name at configuration time
 *       ({@link HmacAlgorithm#parse}).</li>
 *   <li>The field order is fixed at construction, never taken from the input; parameters outside the declared list
 *       are not covered and {@link VerifiedParameters#coveredFields()} says so.</li>
 *   <li>Signatures are decoded (hex in either case, base64 canonical with padding) and compared with
 *       {@link MessageDigest#isEqual}. Malformed input gives a {@link ResguardoException}, never an unchecked one.</li>
 * </ul>
 * Values are joined as they are: when a value may contain the separator, two different parameter sets can share a
 * signature. That is a property of the scheme this class reproduces; choose a separator the values cannot contain.
 *
 * <p>Immutable and thread-safe (one {@link Mac} per thread, held by this instance).
 */
public final class OrderedParameterSigner {
    /** The HMAC functions offered; there is deliberately no MD5 or SHA-1. */
    public enum HmacAlgorithm {
        SHA256("HmacSHA256", 32), SHA384("HmacSHA384", 48), SHA512("HmacSHA512", 64);

        private static final Set<String> WEAK = Set.of("MD5", "SHA1", "SHA");

        private final String jcaName;
        private final int macBytes;

        HmacAlgorithm(String jcaName, int macBytes) {
            this.jcaName = jcaName;
            this.macBytes = macBytes;
        }

        /** The length of a MAC in bytes. */
        public int macBytes() {
            return macBytes;
        }

        /**
         * Parses a configured algorithm name: {@code SHA256}, {@code SHA-256}, {@code HmacSHA256},
         * {@code HMAC-SHA-256} (any case) and likewise for 384 and 512.
         *
         * @throws InvalidConfigurationException for MD5 or SHA-1 (refused as too weak) and for unknown names
         */
        public static HmacAlgorithm parse(String name) {
            Objects.requireNonNull(name, "name");
            String squashed = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (squashed.startsWith("HMAC")) {
                squashed = squashed.substring(4);
            }
            if (WEAK.contains(squashed)) {
                throw new InvalidConfigurationException("signature algorithm " + name
                        + " is refused: MD5 and SHA-1 are too weak; use SHA256, SHA384 or SHA512");
            }
            for (HmacAlgorithm algorithm : values()) {
                if (algorithm.name().equals(squashed)) {
                    return algorithm;
                }
            }
            throw new InvalidConfigurationException("unknown signature algorithm " + name
                    + "; use SHA256, SHA384 or SHA512");
        }
    }

    /** How the MAC is written. */
    public enum Encoding {
        /** Lowercase hex when signing; either case accepted when verifying. */
        HEX,
        /** Standard base64 alphabet with padding (RFC 4648 section 4). */
        BASE64
    }

    private final ThreadMacs macs;
    private final HmacAlgorithm algorithm;
    private final Encoding encoding;
    private final String separator;
    private final List<String> fields;

    private OrderedParameterSigner(Secret key, HmacAlgorithm algorithm, Encoding encoding, String separator,
                                   List<String> fields) {
        this.macs = new ThreadMacs(algorithm.jcaName, List.of(key));
        this.algorithm = algorithm;
        this.encoding = encoding;
        this.separator = separator;
        this.fields = fields;
    }

    /**
     * A signer over {@code fields}, in that order, joined by {@code separator} (may be empty).
     *
     * @throws InvalidConfigurationException when {@code fields} is empty or names a field twice or a blank field
     */
    public static OrderedParameterSigner of(Secret key, HmacAlgorithm algorithm, Encoding encoding, String separator,
                                            List<String> fields) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(separator, "separator");
        List<String> copy = List.copyOf(fields);
        if (copy.isEmpty()) {
            throw new InvalidConfigurationException("no fields declared for the parameter signature");
        }
        if (Set.copyOf(copy).size() != copy.size()) {
            throw new InvalidConfigurationException("a field is declared twice for the parameter signature: " + copy);
        }
        for (String field : copy) {
            if (field.isBlank()) {
                throw new InvalidConfigurationException("a blank field is declared for the parameter signature");
            }
        }
        return new OrderedParameterSigner(key, algorithm, encoding, separator, copy);
    }

    /** The declared fields, in signing order. */
    public List<String> fields() {
        return fields;
    }

    /**
     * The signature of {@code params}.
     *
     * @throws IllegalArgumentException naming the first declared field that is absent (or {@code null})
     */
    public String sign(Map<String, String> params) {
        String missing = firstMissing(params);
        if (missing != null) {
            throw new IllegalArgumentException("parameter " + missing + " is missing");
        }
        byte[] mac = compute(params);
        return encoding == Encoding.HEX ? Hex.encode(mac) : Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Verifies {@code signature} over {@code params}.
     *
     * @throws ResguardoException {@link ErrorCode#SIGNATURE_MISSING} when the signature is absent or empty;
     *                            {@link ErrorCode#SIGNATURE_INVALID} when a declared field is absent, the signature
     *                            is malformed or it does not match
     */
    public VerifiedParameters verify(Map<String, String> params, String signature) throws ResguardoException {
        Objects.requireNonNull(params, "params");
        if (signature == null || signature.isEmpty()) {
            throw new ResguardoException(ErrorCode.SIGNATURE_MISSING, "signature is missing");
        }
        String missing = firstMissing(params);
        if (missing != null) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, "signed parameter " + missing + " is missing");
        }
        byte[] presented = decode(signature);
        if (presented == null) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, "signature is not " + encoding
                    + " of a " + algorithm + " MAC");
        }
        if (!MessageDigest.isEqual(compute(params), presented)) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, "signature does not match the parameters");
        }
        return new VerifiedParameters(fields);
    }

    private String firstMissing(Map<String, String> params) {
        for (String field : fields) {
            if (params.get(field) == null) {
                return field;
            }
        }
        return null;
    }

    private byte[] compute(Map<String, String> params) {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                message.append(separator);
            }
            message.append(params.get(fields.get(i)));
        }
        return macs.mac(0).doFinal(message.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The MAC bytes, or {@code null} when {@code text} is not a canonical encoding of a MAC of this length. */
    private byte[] decode(String text) {
        int length = algorithm.macBytes();
        if (encoding == Encoding.HEX) {
            if (text.length() != 2 * length) {
                return null;
            }
            byte[] out = new byte[length];
            return Hex.decode(text, 0, out) ? out : null;
        }
        try {
            byte[] out = Base64.getDecoder().decode(text);
            // The JDK decoder tolerates missing padding and stray low bits; re-encoding makes the check canonical.
            return out.length == length && Base64.getEncoder().encodeToString(out).equals(text) ? out : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "OrderedParameterSigner[" + algorithm + ", " + encoding + ", fields=" + fields + "]";
    }
}
