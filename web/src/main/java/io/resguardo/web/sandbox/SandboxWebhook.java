package io.resguardo.web.sandbox;

import java.io.IOException;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;

/**
 * Where the sandbox's signed notifications go. {@link #http} posts them over the network like PagoEfectivo does;
 * a deployment whose sandbox cannot reach its own webhook over HTTPS (a container certificate its own JVM does not
 * trust) hands them to the webhook's processing inside the WAR instead, still signed and verified.
 */
@FunctionalInterface
public interface SandboxWebhook {
    /**
     * Delivers one notification.
     *
     * @param body      the exact bytes, as signed
     * @param signature the {@code PE-Signature} value
     * @return the HTTP status the webhook answered (2xx ends a delivery, other 4xx but 429 are final, the rest is
     *     retried)
     * @throws IOException when no answer came (retried)
     */
    int deliver(byte[] body, String signature) throws IOException, InterruptedException;

    /**
     * POSTs to {@code url} with TLS 1.2/1.3 and host-name verification against {@code trustStore} (or the JVM's
     * when {@code null}); never a trust-all.
     *
     * @throws io.resguardo.core.InvalidConfigurationException when the URL or trust store is unusable
     */
    static SandboxWebhook http(URI url, KeyStore trustStore, Duration timeout) {
        return new HttpWebhook(url, trustStore, timeout);
    }
}
