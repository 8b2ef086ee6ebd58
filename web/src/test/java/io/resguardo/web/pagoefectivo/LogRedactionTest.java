package io.resguardo.web.pagoefectivo;

import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class LogRedactionTest {
    private Harness harness;

    @BeforeEach
    void setUp(Pki pki) {
        harness = new Harness(pki);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void requestsAndAnswersAreLoggedWithoutCredentialsOrPersonalData() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LogCapture log = new LogCapture()) {
            PagoEfectivoClient client = harness.builder().requestTimeout(Duration.ofMillis(400)).build();
            CreatedCip created = client.createCip(harness.request("ORD-LOG-1"));
            client.search(List.of(created.cip()));
            harness.fake.script(Route.CREATE, FakePagoEfectivo.json(400, "{\"code\":\"113\",\"message\":\"El correo "
                    + Harness.EMAIL + " o el telefono " + Harness.PHONE + " no es valido\",\"data\":[{\"code\":\"113\","
                    + "\"message\":\"" + Harness.EMAIL + "\",\"field\":\"userEmail\"}]}"));
            assertThrows(PagoEfectivoException.class, () -> client.createCip(harness.request("ORD-LOG-2")));
            harness.fake.script(Route.SEARCH, FakePagoEfectivo.json(401, "{\"code\":\"401\"}"),
                    FakePagoEfectivo.serviceUnavailable());
            client.search(List.of(created.cip()));
            harness.fake.script(Route.CREATE, FakePagoEfectivo.stallUntil(release));
            assertThrows(CipOutcomeUnknownException.class, () -> client.createCip(harness.request("ORD-LOG-3")));

            List<String> forbidden = new ArrayList<>(List.of(harness.accessKey, harness.secretKey, Harness.EMAIL,
                    Harness.ADMIN_EMAIL, Harness.PHONE, Harness.DOCUMENT));
            forbidden.addAll(harness.fake.issuedTokens());
            forbidden.addAll(harness.fake.receivedHashes());
            log.assertNoneContain(forbidden.toArray(String[]::new));
            assertTrue(log.contains("PagoEfectivo request POST /v1/authorizations"), "requests are logged");
            assertTrue(log.contains("PagoEfectivo request POST /v1/cips (attempt 1 of 4) body={"));
            assertTrue(log.contains("PagoEfectivo response POST /v1/cips: HTTP 201"), "answers are logged");
            assertTrue(log.contains("\"hashString\":\"***\""), "the hash is masked by name");
            assertTrue(log.contains("\"token\":\"***\""), "the token is masked by name");
            assertTrue(log.contains("a***@example.pe"), "e-mails are masked, not dropped");
        } finally {
            release.countDown();
        }
    }

    @Test
    void bodiesAreMaskedByMemberNameBeforeTheRedactorSeesThem() {
        String view = LogView.body("{\"accessKey\":\"AK1\",\"hashString\":\"abc\",\"data\":{\"token\":\"t\","
                + "\"tokenExpires\":\"2026-11-26T12:00:00-05:00\"},\"userEmail\":\"ana@example.pe\","
                + "\"userPhone\":\"987654321\",\"userDocumentNumber\":\"45678912\",\"userName\":\"Anastasia\","
                + "\"items\":[{\"adminEmail\":\"x@y.pe\"}],\"amount\":150.50}");

        assertEquals("{\"accessKey\":\"***\",\"hashString\":\"***\",\"data\":{\"token\":\"***\","
                + "\"tokenExpires\":\"2026-11-26T12:00:00-05:00\"},\"userEmail\":\"a***@example.pe\","
                + "\"userPhone\":\"9***1\",\"userDocumentNumber\":\"4***2\",\"userName\":\"A***a\","
                + "\"items\":[{\"adminEmail\":\"x***@y.pe\"}],\"amount\":150.50}", view);
        assertEquals("(19 characters, not JSON)", LogView.body("<html>secret</html>"));
    }
}
