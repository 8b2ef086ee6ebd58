package io.resguardo.web.sandbox;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/** {@link SandboxWebhook#http}: TLS 1.2/1.3, host names verified, redirects not followed. */
final class HttpWebhook implements SandboxWebhook {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    HttpWebhook(URI url, KeyStore trustStore, Duration timeout) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new InvalidConfigurationException("the sandbox's webhook URL must be an absolute http(s) URL");
        }
        this.url = url;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(PROTOCOLS);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(trustStore))
                .sslParameters(tls)
                .build();
    }

    @Override
    public int deliver(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(NotificationVerifier.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static SSLContext sslContext(KeyStore trustStore) {
        try {
            if (trustStore == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException("the sandbox's webhook trust store cannot be used ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "HttpWebhook[" + url + "]";
    }
}
