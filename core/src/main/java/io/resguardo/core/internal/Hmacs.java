package io.resguardo.core.internal;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * JCA {@link Mac} plumbing shared by the verifiers. Not exported from the module: an implementation detail.
 *
 * <p>Every HMAC algorithm used here (HmacSHA256/384/512) is required of every Java platform, so a
 * {@link GeneralSecurityException} from the JCA is a broken runtime, reported as {@link IllegalStateException}.
 */
public final class Hmacs {
    private Hmacs() {
    }

    /** A new, uninitialized Mac. */
    public static Mac newMac(String jcaAlgorithm) {
        try {
            return Mac.getInstance(jcaAlgorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides " + jcaAlgorithm, e);
        }
    }

    /** A new Mac initialized with {@code key}. */
    public static Mac newMac(SecretKeySpec key) {
        Mac mac = newMac(key.getAlgorithm());
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HMAC accepts any key length", e);
        }
        return mac;
    }

    /** {@link Mac#doFinal(byte[], int)} into {@code out}, which the caller sized for the Mac. */
    public static void finish(Mac mac, byte[] out) {
        try {
            mac.doFinal(out, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("output buffer sized for " + mac.getAlgorithm(), e);
        }
    }
}
