package io.resguardo.web.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLParameters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class TlsTest {
    private static final List<String> CIPS = List.of("2526391");

    @Test
    void aServerCertificateOutsideTheTrustStoreIsRefusedWithoutRetrying(Pki pki) {
        try (Harness harness = new Harness(pki, pki.stranger(), null, pki.trustStore())) {
            PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                    () -> harness.client().search(CIPS));

            assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
            assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("PAGOEFECTIVO_TRUSTSTORE"), e.getMessage());
            assertEquals(List.of(), harness.fake.seen());
            assertEquals(List.of(), harness.sleeper.delays());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused(Pki pki) {
        try (Harness harness = new Harness(pki, pki.otherHost(), null, pki.otherHost().trustStore())) {
            PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                    () -> harness.client().search(CIPS));

            assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
            assertEquals(List.of(), harness.fake.seen());
            assertEquals(List.of(), harness.sleeper.delays(), "a refused certificate is not retried");
        }
    }

    @Test
    void theJvmDefaultTrustDoesNotTrustATestCertificate(Pki pki) throws Exception {
        try (Harness harness = new Harness(pki)) {
            PagoEfectivoClient client = PagoEfectivoClient.builder(harness.fake.baseUri(), Harness.SERVICE_ID,
                            Secret.ofText(harness.accessKey, "a"), Secret.ofText(harness.secretKey, "s"))
                    .clock(harness.clock).sleeper(harness.sleeper).build();

            PagoEfectivoException e = assertThrows(PagoEfectivoException.class, () -> client.search(CIPS));

            assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
            assertEquals(List.of(), harness.fake.seen());
        }
    }

    @Test
    void mutualTlsPresentsTheConfiguredClientCertificate(Pki pki) throws Exception {
        Identity client = pki.client();
        try (Harness harness = new Harness(pki, pki.server(), client.trustStore(), pki.trustStore())) {
            List<CipState> states = harness.builder().clientKeyStore(client.keyStore(), client.password()).build()
                    .search(CIPS);

            assertEquals(1, states.size());
            assertEquals(1, harness.fake.count(Route.SEARCH));
        }
    }

    @Test
    void mutualTlsRefusesAClientWithoutCertificate(Pki pki) {
        try (Harness harness = new Harness(pki, pki.server(), pki.client().trustStore(), pki.trustStore())) {
            PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                    () -> harness.client().search(CIPS));

            assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
            assertEquals(List.of(), harness.fake.seen());
        }
    }

    @Test
    void mutualTlsRefusesAClientCertificateTheServerDoesNotTrust(Pki pki) {
        Identity stranger = pki.stranger();
        try (Harness harness = new Harness(pki, pki.server(), pki.client().trustStore(), pki.trustStore())) {
            PagoEfectivoClient client = harness.builder().clientKeyStore(stranger.keyStore(), stranger.password())
                    .build();

            assertThrows(PagoEfectivoException.class, () -> client.search(CIPS));
            assertEquals(List.of(), harness.fake.seen());
        }
    }

    @Test
    void onlyTls13And12AreOfferedWithHostNameVerification() {
        SSLParameters parameters = Tls.parameters();

        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, parameters.getProtocols());
        assertEquals("HTTPS", parameters.getEndpointIdentificationAlgorithm());
    }

    @Test
    void theJdkSwitchThatDisablesHostNameVerificationIsRefused(Pki pki) {
        String previous = System.getProperty(Tls.HOSTNAME_VERIFICATION_SWITCH);
        System.setProperty(Tls.HOSTNAME_VERIFICATION_SWITCH, "true");
        try (Harness harness = new Harness(pki)) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> harness.builder().build());
            assertTrue(e.getMessage().contains(Tls.HOSTNAME_VERIFICATION_SWITCH));
        } finally {
            if (previous == null) {
                System.clearProperty(Tls.HOSTNAME_VERIFICATION_SWITCH);
            } else {
                System.setProperty(Tls.HOSTNAME_VERIFICATION_SWITCH, previous);
            }
        }
    }

    @Test
    void plainHttpAndUserInformationAreRefused() {
        Secret access = Secret.ofText(Harness.random(18), "a");
        Secret secret = Secret.ofText(Harness.random(24), "s");
        for (String url : List.of("http://pre1a.services.pagoefectivo.pe", "https://user:pw@host.example",
                "https://host.example/?q=1", "services.pagoefectivo.pe")) {
            assertThrows(InvalidConfigurationException.class,
                    () -> PagoEfectivoClient.builder(URI.create(url), 1, access, secret), url);
        }
    }

    @Test
    void aTrustStoreWithoutCertificatesIsRefused() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        Secret access = Secret.ofText(Harness.random(18), "a");
        Secret secret = Secret.ofText(Harness.random(24), "s");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PagoEfectivoClient.builder(URI.create("https://localhost"), 1, access, secret)
                        .trustStore(empty).build());

        assertTrue(e.getMessage().contains("PAGOEFECTIVO_TRUSTSTORE"));
    }

    @Test
    void aWrongClientKeyStorePasswordIsRefusedNamingTheSetting(Pki pki) {
        Identity client = pki.client();
        Secret access = Secret.ofText(Harness.random(18), "a");
        Secret secret = Secret.ofText(Harness.random(24), "s");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PagoEfectivoClient.builder(URI.create("https://localhost"), 1, access, secret)
                        .clientKeyStore(client.keyStore(), "not-the-password".toCharArray()).build());

        assertTrue(e.getMessage().contains("PAGOEFECTIVO_CLIENT_KEYSTORE_PASSWORD"), e.getMessage());
    }
}
