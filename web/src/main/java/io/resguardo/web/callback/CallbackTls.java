package io.resguardo.web.callback;

import io.resguardo.core.InvalidConfigurationException;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of the signed callbacks (shop events, alerts): TLSv1.3 and TLSv1.2 only, host names always verified,
 * certificates checked against the given trust store or else the JVM's. There is deliberately no way to trust
 * everything.
 */
public final class CallbackTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** The JDK switch that turns host name verification off for every {@code HttpClient} of the JVM. */
    static final String HOSTNAME_VERIFICATION_SWITCH = "jdk.internal.httpclient.disableHostnameVerification";

    private CallbackTls() {
    }

    /**
     * A client for signed callbacks to {@code url}: the TLS above, redirects not followed (the signature is for the
     * configured URL).
     */
    public static HttpClient client(Optional<KeyStore> trustStore, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(context(trustStore))
                .sslParameters(parameters())
                .build();
    }

    /**
     * {@code url} when it is an absolute https URL, or http to a loopback host (a receiver on the same machine).
     *
     * @throws InvalidConfigurationException naming {@code setting} otherwise
     */
    public static URI checkedUrl(URI url, String setting) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        boolean loopback = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new InvalidConfigurationException(setting + " must be an absolute https URL "
                    + "(http only to a loopback host)");
        }
        return url;
    }

    static SSLContext context(Optional<KeyStore> trustStore) {
        refuseDisabledHostnameVerification();
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.orElse(null));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException("the shop callback trust store cannot be used ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS.clone());
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /** The JDK ignores the endpoint identification set above while this JVM-wide switch is on: refuse to run. */
    private static void refuseDisabledHostnameVerification() {
        String value = System.getProperty(HOSTNAME_VERIFICATION_SWITCH);
        if (value != null && !value.strip().equalsIgnoreCase("false")) {
            throw new InvalidConfigurationException("the system property " + HOSTNAME_VERIFICATION_SWITCH
                    + " turns host name verification off; shop callbacks will not run with it");
        }
    }
}
