package io.resguardo.core;

import java.util.Objects;

/**
 * A rejection with a stable {@link ErrorCode}. Every verifier and validator in core throws this (or a subclass)
 * instead of returning {@code false}.
 *
 * <p>The message describes what was wrong with the <em>input</em> (which header, which parameter) and never carries
 * a secret, a computed signature, a token or personal data, so it may be logged and shown to the caller.
 */
public class ResguardoException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ResguardoException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ResguardoException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this rejection. */
    public ErrorCode code() {
        return code;
    }
}
