package io.resguardo.testfixtures.jetty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    Path dir;

    @Test
    void certifiesLocalhostAndBothLoopbackAddressesForThirtyDaysFromNow() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.generate(dir).certificate();

        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(Set.of("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1"), alternativeNames(certificate));
        assertEquals(Duration.ofDays(30), Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()));
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void theKeyIsAFreshP256EcKey() throws Exception {
        X509Certificate first = SelfSignedCertificate.generate(dir.resolve("a")).certificate();
        X509Certificate second = SelfSignedCertificate.generate(dir.resolve("b")).certificate();

        ECPublicKey key = (ECPublicKey) first.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", first.getSigAlgName());
        assertNotEquals(first.getPublicKey(), second.getPublicKey());
    }

    @Test
    void theKeyStoreOpensWithThePasswordAndHoldsTheKey() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(dir);

        KeyStore store = load(generated.keystore(), generated.password());

        assertTrue(store.isKeyEntry(SelfSignedCertificate.ALIAS));
        assertEquals(generated.certificate(), store.getCertificate(SelfSignedCertificate.ALIAS));
    }

    @Test
    void passwordIsACopy() {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(dir);
        char[] password = generated.password();

        java.util.Arrays.fill(password, 'x');

        assertTrue(generated.password().length >= 16);
        assertNotEquals(new String(password), new String(generated.password()));
    }

    @Test
    void theTrustStoreHoldsOnlyTheCertificate() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(dir.resolve("tls"));

        KeyStore trust = load(generated.truststore(dir.resolve("trust")), generated.password());

        List<String> aliases = Collections.list(trust.aliases());
        assertEquals(1, aliases.size());
        assertTrue(trust.isCertificateEntry(aliases.get(0)));
        assertArrayEquals(generated.certificate().getEncoded(), trust.getCertificate(aliases.get(0)).getEncoded());
    }

    @Test
    void aFailingKeytoolIsReportedWithItsOutput() {
        SelfSignedCertificate.generate(dir);

        // A second run meets the first key store under another random password: keytool refuses.
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SelfSignedCertificate.generate(dir));

        assertTrue(failure.getMessage().startsWith("keytool -genkeypair failed with exit code "),
                failure.getMessage());
        assertTrue(failure.getMessage().length() > "keytool -genkeypair failed with exit code 1: ".length(),
                "keytool's own output is missing: " + failure.getMessage());
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static Set<String> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + ":" + name.get(1))
                .collect(Collectors.toSet());
    }
}
