package io.resguardo.core;

/**
 * Stable error codes of the Resguardo contract (CONTRACT.md section 6), each with the HTTP status it is answered with.
 *
 * <p>Codes are part of the public surface: a code's name and status never change once released. Messages that
 * accompany a code may change and must never contain a secret, token, signature or personal data.
 */
public enum ErrorCode {
    HTTPS_REQUIRED(403, "HTTPS required"),
    IP_NOT_ALLOWED(403, "Client address not allowed"),
    CLIENT_BLOCKED(429, "Client blocked"),
    RATE_LIMITED(429, "Too many requests"),
    BODY_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    MALFORMED_JSON(400, "Malformed JSON"),
    VALIDATION_FAILED(422, "Validation failed"),
    SIGNATURE_MISSING(401, "Signature missing"),
    SIGNATURE_INVALID(401, "Signature invalid"),
    DIGEST_MISMATCH(401, "Content digest mismatch"),
    TIMESTAMP_OUT_OF_RANGE(401, "Timestamp out of range"),
    REPLAY_DETECTED(401, "Replay detected"),
    UNKNOWN_KEY(401, "Unknown key"),
    UNKNOWN_CIP(404, "Unknown CIP"),
    AMOUNT_MISMATCH(422, "Amount mismatch"),
    CURRENCY_MISMATCH(422, "Currency mismatch"),
    INVALID_TRANSITION(409, "Invalid state transition"),
    FORBIDDEN(403, "Forbidden"),
    IDEMPOTENCY_CONFLICT(409, "Idempotency conflict"),
    NOT_FOUND(404, "Not found"),
    UPSTREAM_UNAVAILABLE(502, "Upstream unavailable"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    /**
     * Not in the section 6 table: a request the container itself refused as malformed HTTP (a bad URI or header),
     * still answered as problem+json.
     */
    BAD_REQUEST(400, "Bad request"),
    /**
     * Not in the section 6 table: the container's own authentication challenge (admin BASIC), when it reaches the
     * error page (Tomcat answers {@code sendError(401)} there): still a 401, its {@code WWW-Authenticate} kept.
     */
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    /** Not in the section 6 table: a method the endpoint does not serve (still answered as problem+json). */
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** Not in the section 6 table: an unexpected fault, answered without any detail. */
    INTERNAL_ERROR(500, "Internal error"),
    /** Not in the section 6 table: configuration rejected at start-up; never answered to a client. */
    INVALID_CONFIGURATION(500, "Invalid configuration");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The HTTP status this code is answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A short, human-readable, stable title (the problem+json {@code title}). */
    public String title() {
        return title;
    }

    /**
     * Whether a rejection with this code is an authentication failure that counts toward banning the client
     * address (CONTRACT.md section 6, {@code CLIENT_BLOCKED}).
     */
    public boolean countsTowardBan() {
        return switch (this) {
            case SIGNATURE_MISSING, SIGNATURE_INVALID, DIGEST_MISMATCH, TIMESTAMP_OUT_OF_RANGE, REPLAY_DETECTED,
                 UNKNOWN_KEY -> true;
            default -> false;
        };
    }
}
