package io.resguardo.web.pagoefectivo;

/**
 * A CIP creation was sent and no usable answer came back (timeout or connection lost after sending, a gateway error,
 * an unreadable success): PagoEfectivo may have created the CIP. The client never repeats such a call; the caller
 * keeps the order {@code PENDING} with the attempt recorded and lets the reconciler find out. Always of
 * {@link Kind#OUTCOME_UNKNOWN}.
 */
public final class CipOutcomeUnknownException extends PagoEfectivoException {
    private static final long serialVersionUID = 1L;

    CipOutcomeUnknownException(String message) {
        super(Kind.OUTCOME_UNKNOWN, message);
    }
}
