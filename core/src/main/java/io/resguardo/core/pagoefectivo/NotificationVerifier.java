package io.resguardo.core.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Hex;
import io.resguardo.core.internal.Hmacs;
import io.resguardo.core.internal.Ows;
import io.resguardo.core.internal.ThreadMacs;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.VersionedKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the {@code PE-Signature} header of a PagoEfectivo notification (CONTRACT.md section 2): lowercase hex of
 * HMAC-SHA256 keyed with the UTF-8 bytes of the secret key over the raw body bytes.
 *
 * <p>Security guarantees:
 * <ul>
 *   <li>The MAC covers the exact bytes given; the body is never decoded, parsed or re-serialized.</li>
 *   <li>The header is decoded to bytes (either hex case) and compared with {@link MessageDigest#isEqual}.</li>
 *   <li>Every key of the ring valid at the moment of the call is tried, newest first; the result names the key that
 *       matched.</li>
 *   <li>Malformed input never throws an unchecked exception: a missing or empty header gives
 *       {@link ErrorCode#SIGNATURE_MISSING}; a header of the wrong length, with a non-hex character, or not matching
 *       any valid key gives {@link ErrorCode#SIGNATURE_INVALID}. Messages never contain the header or a computed MAC.</li>
 * </ul>
 *
 * <p>Thread-safe. Each thread that calls {@link #verify} keeps its own initialized {@link Mac} per key (a {@code Mac}
 * is not thread-safe, and creating one per call costs more than the MAC of a typical body) in a thread-local held by
 * this instance, not a static one: the per-thread state goes away with the verifier, and it holds JDK types only,
 * so an application server sees no class-loader leak when the application stops. Build one verifier per key ring
 * and share it.
 */
public final class NotificationVerifier {
    /** The notification signature header. */
    public static final String HEADER = "PE-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;

    private final KeyRing ring;
    private final List<VersionedKey> keys;
    private final ThreadMacs macs;

    private NotificationVerifier(KeyRing ring) {
        this.ring = ring;
        this.keys = ring.keys();
        this.macs = new ThreadMacs(ALGORITHM, keys.stream().map(VersionedKey::secret).toList());
    }

    /** A verifier accepting any key of {@code ring} that is valid at the time of each call. */
    public static NotificationVerifier of(KeyRing ring) {
        return new NotificationVerifier(Objects.requireNonNull(ring, "ring"));
    }

    /**
     * Verifies {@code body} against the {@code PE-Signature} header value.
     *
     * @param body              the request body exactly as received
     * @param peSignatureHeader the header value, or {@code null} when absent; surrounding spaces and tabs are ignored
     * @return which key verified
     * @throws ResguardoException {@link ErrorCode#SIGNATURE_MISSING} or {@link ErrorCode#SIGNATURE_INVALID}
     */
    public VerifiedNotification verify(byte[] body, String peSignatureHeader) throws ResguardoException {
        Objects.requireNonNull(body, "body");
        if (peSignatureHeader == null) {
            throw new ResguardoException(ErrorCode.SIGNATURE_MISSING, HEADER + " header is missing");
        }
        int start = Ows.skipLeading(peSignatureHeader, 0, peSignatureHeader.length());
        int end = Ows.trimTrailing(peSignatureHeader, start, peSignatureHeader.length());
        if (start == end) {
            throw new ResguardoException(ErrorCode.SIGNATURE_MISSING, HEADER + " header is empty");
        }
        if (end - start != 2 * MAC_BYTES) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                    HEADER + " must be " + 2 * MAC_BYTES + " hex characters, has " + (end - start));
        }
        // Two 32-byte buffers per call are cheaper than any cache of them, and keep the thread-locals free of
        // Resguardo classes (a servlet container flags those as class-loader leaks when the application stops).
        byte[] presented = new byte[MAC_BYTES];
        byte[] expected = new byte[MAC_BYTES];
        if (!Hex.decode(peSignatureHeader, start, presented)) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, HEADER + " is not hexadecimal");
        }
        Instant now = ring.clock().instant();
        for (int i = 0; i < keys.size(); i++) {
            VersionedKey key = keys.get(i);
            if (key.isValidAt(now)) {
                Mac mac = macs.mac(i);
                mac.update(body);
                Hmacs.finish(mac, expected);
                if (MessageDigest.isEqual(expected, presented)) {
                    return new VerifiedNotification(key.id());
                }
            }
        }
        throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, HEADER + " does not match any valid key");
    }

    /** The {@code PE-Signature} value {@code ring}'s current key gives {@code body} (for tests and the sandbox). */
    public static String sign(KeyRing ring, byte[] body) {
        Objects.requireNonNull(body, "body");
        byte[] material = ring.current().secret().revealBytes();
        try {
            return Hex.encode(Hmacs.newMac(new SecretKeySpec(material, ALGORITHM)).doFinal(body));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
