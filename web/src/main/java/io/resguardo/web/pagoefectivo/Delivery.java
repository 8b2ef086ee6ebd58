package io.resguardo.web.pagoefectivo;

/** How far a request got before it failed without an HTTP answer. */
enum Delivery {
    /**
     * Certainly not received by PagoEfectivo's application: the connection was refused or timed out, or the TLS
     * handshake failed (the server reads nothing of the request before its own handshake completes).
     */
    NOT_SENT,
    /**
     * The TLS handshake failed on the server's certificate (not trusted, or not for this host name): not sent, and
     * repeating cannot help; a configuration problem or an interception attempt.
     */
    CERTIFICATE_REJECTED,
    /** Possibly received and acted on: a timeout or a lost connection after the request went out. */
    MAYBE_SENT
}
