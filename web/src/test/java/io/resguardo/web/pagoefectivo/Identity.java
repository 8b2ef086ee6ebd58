package io.resguardo.web.pagoefectivo;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS identity of a test: a PKCS#12 key store with one key entry, its password and its certificate. */
record Identity(Path keystore, char[] password, X509Certificate certificate) {

    static Identity of(SelfSignedCertificate certificate) {
        return new Identity(certificate.keystore(), certificate.password(), certificate.certificate());
    }

    KeyStore keyStore() {
        return load(keystore, password);
    }

    /** A trust store holding only this certificate, built in memory. */
    KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server TLS context presenting this identity; trusting {@code clients} when not null (mutual TLS). */
    SSLContext serverContext(KeyStore clients) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(clients);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), clients == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
