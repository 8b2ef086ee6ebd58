package io.resguardo.core.signature;

import io.resguardo.core.structuredfield.StructuredFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one signature covers and claims: its label, the ordered component identifiers, and the signature parameters
 * of RFC 9421 section 2.3. Optional parameters are {@code null} when absent.
 *
 * <p>Component identifiers are plain names: a supported derived component ({@code @method}, {@code @target-uri},
 * {@code @authority}, {@code @scheme}, {@code @path}, {@code @query}, {@code @request-target}) or a lowercase header
 * field name. Component parameters ({@code ;sf}, {@code ;key}, {@code ;bs}, {@code ;req}, {@code ;name}) are not
 * supported.
 *
 * @param label the dictionary key of this signature in both headers
 * @param components covered component identifiers, in order, without duplicates
 * @param created {@code created} in Unix seconds, or {@code null}
 * @param expires {@code expires} in Unix seconds, or {@code null}
 * @param nonce {@code nonce} (1..128 printable characters, no spaces), or {@code null}
 * @param alg {@code alg}, or {@code null}; when present only {@code hmac-sha256} verifies
 * @param keyId {@code keyid} (1..128 printable characters, no spaces), or {@code null}; verifiers require it
 * @param tag {@code tag}, or {@code null}
 */
public record SignatureParameters(String label, List<String> components, Long created, Long expires, String nonce,
                                  String alg, String keyId, String tag) {

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the bad field (a component, a parameter) but never echoing a value
     *     other than a component name
     */
    public SignatureParameters {
        Objects.requireNonNull(label, "label");
        if (!StructuredFields.isKey(label)) {
            throw new IllegalArgumentException("label is not a structured-field key");
        }
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        Set<String> seen = new HashSet<>();
        for (String c : components) {
            String problem = Components.problem(c);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("component " + Components.quoted(c) + " is listed twice");
            }
        }
        checkTime("created", created);
        checkTime("expires", expires);
        checkText("nonce", nonce, Components.MAX_NONCE_LENGTH);
        checkText("alg", alg, Components.MAX_TEXT_PARAMETER_LENGTH);
        checkText("keyid", keyId, Components.MAX_KEY_ID_LENGTH);
        checkText("tag", tag, Components.MAX_TEXT_PARAMETER_LENGTH);
    }

    private static void checkTime(String name, Long value) {
        if (value != null && (value < 0 || value > StructuredFields.MAX_INTEGER)) {
            throw new IllegalArgumentException(name + " is not a Unix time in seconds");
        }
    }

    private static void checkText(String name, String value, int maxLength) {
        if (value != null) {
            String problem = Components.textProblem(name, value, maxLength);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** A builder for a signature labelled {@code label}. */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /** Collects the parts of a signature to make. Not thread-safe. */
    public static final class Builder {
        private final String label;
        private final List<String> components = new ArrayList<>();
        private Long created;
        private Long expires;
        private String nonce;
        private String alg;
        private String keyId;
        private String tag;

        private Builder(String label) {
            this.label = label;
        }

        /** Appends covered components in order. */
        public Builder components(String... names) {
            components.addAll(List.of(names));
            return this;
        }

        /** Appends covered components in order. */
        public Builder components(List<String> names) {
            components.addAll(names);
            return this;
        }

        public Builder created(long epochSecond) {
            this.created = epochSecond;
            return this;
        }

        public Builder expires(long epochSecond) {
            this.expires = epochSecond;
            return this;
        }

        public Builder nonce(String value) {
            this.nonce = value;
            return this;
        }

        public Builder alg(String value) {
            this.alg = value;
            return this;
        }

        public Builder keyId(String value) {
            this.keyId = value;
            return this;
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        /**
         * The parameters.
         *
         * @throws IllegalArgumentException as the record's constructor
         */
        public SignatureParameters build() {
            return new SignatureParameters(label, components, created, expires, nonce, alg, keyId, tag);
        }
    }
}
