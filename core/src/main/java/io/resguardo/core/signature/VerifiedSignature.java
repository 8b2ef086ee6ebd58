package io.resguardo.core.signature;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature that verified: which one, with which key, covering what.
 *
 * @param label the signature's label
 * @param keyId the {@code keyid} it named
 * @param keyIndex the index, in the {@link KeyResolver}'s list for that id, of the key that verified (rotation)
 * @param components the covered components, in order
 * @param created the {@code created} time, if the signature had one
 * @param nonce the nonce claimed, if the signature had one
 * @param contentDigestVerified whether {@code Content-Digest} was covered and matched the body
 */
public record VerifiedSignature(String label, String keyId, int keyIndex, List<String> components,
                                Optional<Instant> created, Optional<String> nonce, boolean contentDigestVerified) {
    public VerifiedSignature {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(keyId, "keyId");
        components = List.copyOf(components);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nonce, "nonce");
        if (keyIndex < 0) {
            throw new IllegalArgumentException("keyIndex must not be negative");
        }
    }
}
