package io.resguardo.web.pagoefectivo;

import io.resguardo.core.InvalidConfigurationException;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of the client: TLSv1.3 and TLSv1.2 only, certificates checked against the configured trust store (or
 * the JVM's), host names always verified, and a client certificate for mutual TLS when configured. There is no way to
 * trust everything: a self-signed server is trusted by putting its certificate in a trust store.
 */
final class Tls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** The JDK's switch that turns host name verification off for every {@code HttpClient} of the JVM. */
    static final String HOSTNAME_VERIFICATION_SWITCH = "jdk.internal.httpclient.disableHostnameVerification";
    static final String TRUSTSTORE_SETTING = "PAGOEFECTIVO_TRUSTSTORE";
    static final String CLIENT_KEYSTORE_SETTING = "PAGOEFECTIVO_CLIENT_KEYSTORE";

    private Tls() {
    }

    /**
     * @param trustStore     certificates to trust, or {@code null} for the JVM's default trust
     * @param clientKeys     the client certificate and key for mutual TLS, or {@code null}
     * @param clientPassword the password of {@code clientKeys}'s key entries
     */
    static SSLContext context(KeyStore trustStore, KeyStore clientKeys, char[] clientPassword) {
        refuseDisabledHostnameVerification();
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore != null) {
                requireCertificate(trustStore);
            }
            trust.init(trustStore);
            KeyManager[] keys = clientKeys == null ? null : keyManagers(clientKeys, clientPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (KeyStoreException e) {
            throw new InvalidConfigurationException(TRUSTSTORE_SETTING + " cannot be used as a trust store ("
                    + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException("cannot build the TLS context of the PagoEfectivo client ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Protocols TLSv1.3 and TLSv1.2, and host name verification ({@code HTTPS} endpoint identification). */
    static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS.clone());
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /**
     * The JDK ignores {@link SSLParameters#setEndpointIdentificationAlgorithm} when this JVM-wide switch is on, so the
     * only way to keep host names verified is to refuse to run with it.
     */
    static void refuseDisabledHostnameVerification() {
        String value = System.getProperty(HOSTNAME_VERIFICATION_SWITCH);
        if (value != null && !value.strip().equalsIgnoreCase("false")) {
            throw new InvalidConfigurationException("the system property " + HOSTNAME_VERIFICATION_SWITCH
                    + " turns host name verification off; remove it, the PagoEfectivo client will not run without");
        }
    }

    private static void requireCertificate(KeyStore trustStore) throws KeyStoreException {
        for (String alias : Collections.list(trustStore.aliases())) {
            if (trustStore.isCertificateEntry(alias) || trustStore.getCertificate(alias) != null) {
                return;
            }
        }
        throw new InvalidConfigurationException(TRUSTSTORE_SETTING + " holds no certificate");
    }

    private static KeyManager[] keyManagers(KeyStore clientKeys, char[] password) throws GeneralSecurityException {
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(clientKeys.aliases())) {
                hasKey |= clientKeys.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new InvalidConfigurationException(CLIENT_KEYSTORE_SETTING + " holds no private key");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(clientKeys, password);
            return factory.getKeyManagers();
        } catch (UnrecoverableKeyException e) {
            throw new InvalidConfigurationException(CLIENT_KEYSTORE_SETTING
                    + "_PASSWORD does not open the key of " + CLIENT_KEYSTORE_SETTING);
        } catch (KeyStoreException e) {
            throw new InvalidConfigurationException(CLIENT_KEYSTORE_SETTING + " cannot be used as a key store ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
