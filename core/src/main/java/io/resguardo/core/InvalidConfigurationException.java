package io.resguardo.core;

/**
 * Configuration rejected while it is parsed (a weak secret, a malformed CIDR, a bad rate). Thrown at start-up, never
 * on a request path: a deployment that meets it must fail. The message names the offending input or setting, never
 * a secret value.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always {@link ErrorCode#INVALID_CONFIGURATION}. */
    public ErrorCode code() {
        return ErrorCode.INVALID_CONFIGURATION;
    }
}
