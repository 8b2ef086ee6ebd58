package io.resguardo.core.signature;

import java.util.Objects;

/**
 * The two header field values that carry one signature.
 *
 * @param signatureInput the {@code Signature-Input} value, e.g. {@code sig1=("@method");created=1;keyid="k"}
 * @param signature the {@code Signature} value, e.g. {@code sig1=:base64:}
 */
public record SignatureHeaders(String signatureInput, String signature) {
    public SignatureHeaders {
        Objects.requireNonNull(signatureInput, "signatureInput");
        Objects.requireNonNull(signature, "signature");
    }

    /** Prints the input only: the signature is a secret-derived value. */
    @Override
    public String toString() {
        return "SignatureHeaders[signatureInput=" + signatureInput + ", signature=redacted]";
    }
}
