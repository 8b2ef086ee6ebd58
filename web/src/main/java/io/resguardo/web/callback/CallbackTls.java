package io.resguardo.web.callback;

import io.resguardo.core.InvalidConfigurationException;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of the shop callbacks: TLSv1.3 and TLSv1.2 only, host names always verified, certificates checked against the
 * given trust store or else the JVM's. There is deliberately no way to trust everything.
 */
final class CallbackTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** The JDK switch that turns host name verification off for every {@code HttpClient} of the JVM. */
    static final String HOSTNAME_VERIFICATION_SWITCH = "jdk.internal.httpclient.disableHostnameVerification";

    private CallbackTls() {
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
