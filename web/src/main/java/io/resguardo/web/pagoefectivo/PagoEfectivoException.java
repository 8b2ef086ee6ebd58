package io.resguardo.web.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.validation.FieldError;

import java.util.List;
import java.util.Objects;

/**
 * A PagoEfectivo call that did not succeed, with what the caller should do about it in {@link #kind()} and the code to
 * answer the shop with in {@link #code()}.
 *
 * <p>The message names the call, the HTTP status and PagoEfectivo's code; it never carries a token, a key, a
 * {@code hashString}, PagoEfectivo's own message text (which may echo submitted data) or personal data.
 */
public class PagoEfectivoException extends ResguardoException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /**
         * PagoEfectivo could not be reached or kept failing after the retries the call allows; nothing was created or
         * changed as far as anyone can tell. Answer {@link ErrorCode#UPSTREAM_UNAVAILABLE}.
         */
        UNAVAILABLE(ErrorCode.UPSTREAM_UNAVAILABLE),
        /**
         * A CIP creation may or may not have happened (the request was sent, no usable answer came back). Never
         * repeated blindly: keep the order {@code PENDING} with the attempt recorded and let the reconciler resolve
         * it. Answer {@link ErrorCode#UPSTREAM_UNAVAILABLE}. Always a {@link CipOutcomeUnknownException}.
         */
        OUTCOME_UNKNOWN(ErrorCode.UPSTREAM_UNAVAILABLE),
        /**
         * PagoEfectivo refused the request's content; {@link #fieldErrors()} names our fields. Answer
         * {@link ErrorCode#VALIDATION_FAILED}.
         */
        REJECTED(ErrorCode.VALIDATION_FAILED),
        /**
         * PagoEfectivo refused our credentials or token (authorization refused, code 508, 401 after a fresh token,
         * 403): a configuration problem for the operator. The shop is answered
         * {@link ErrorCode#UPSTREAM_UNAVAILABLE}.
         */
        CREDENTIALS(ErrorCode.UPSTREAM_UNAVAILABLE);

        private final ErrorCode code;

        Kind(ErrorCode code) {
            this.code = code;
        }

        /** The contract code a request that met this failure is answered with. */
        public ErrorCode code() {
            return code;
        }
    }

    private final Kind kind;
    private final List<FieldError> fieldErrors;

    PagoEfectivoException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    PagoEfectivoException(Kind kind, String message, List<FieldError> fieldErrors) {
        super(Objects.requireNonNull(kind, "kind").code(), message);
        this.kind = kind;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /**
     * For {@link Kind#REJECTED}: the rejected fields as dotted paths of our order JSON ({@code amount},
     * {@code customer.email}; {@code order} when PagoEfectivo named a field we do not send), at most one error per
     * field. Empty for the other kinds.
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A new exception saying the same, for another thread that waited on the call that failed. */
    PagoEfectivoException again() {
        return new PagoEfectivoException(kind, getMessage(), fieldErrors);
    }
}
