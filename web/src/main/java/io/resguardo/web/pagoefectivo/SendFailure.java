package io.resguardo.web.pagoefectivo;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.security.cert.CertificateException;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** A request that got no HTTP answer, classified by how far it got. Carries only the cause's class name. */
final class SendFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private final Delivery delivery;
    private final boolean interrupted;

    SendFailure(Delivery delivery, String reason, boolean interrupted) {
        super(reason, null, false, false);
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.interrupted = interrupted;
    }

    static SendFailure of(Throwable cause) {
        return new SendFailure(classify(cause), cause == null ? "unknown" : cause.getClass().getSimpleName(), false);
    }

    Delivery delivery() {
        return delivery;
    }

    /** Whether the calling thread was interrupted: no further attempt is made. */
    boolean interrupted() {
        return interrupted;
    }

    /**
     * Walks the cause chain: a refused or timed-out connection and a failed TLS handshake mean the request never
     * reached the application; everything else (request timeout, reset, EOF, an over-long body) may have.
     */
    static Delivery classify(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return Delivery.NOT_SENT;
            }
            if (cause instanceof SSLHandshakeException) {
                return rejectsCertificate(cause) ? Delivery.CERTIFICATE_REJECTED : Delivery.NOT_SENT;
            }
        }
        return Delivery.MAYBE_SENT;
    }

    private static boolean rejectsCertificate(Throwable handshake) {
        int depth = 0;
        for (Throwable cause = handshake; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof CertificateException || cause instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }
}
