package io.resguardo.web.pagoefectivo;

import io.resguardo.core.secret.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class ClockOffsetTest {
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
    void theOffsetFromPagoEfectivosDateHeaderIsMeasuredEvenBeforeAnyCall() {
        // The harness clock is fixed in the past; the fake server's Date header is real time.
        Duration expected = Duration.between(Instant.now(), harness.clock.instant());
        Optional<Duration> offset = harness.client().clockOffset();
        assertTrue(offset.isPresent());
        assertTrue(offset.get().minus(expected).abs().compareTo(Duration.ofSeconds(5)) < 0,
                () -> "measured " + offset.get() + ", expected about " + expected);
    }

    @Test
    void theOffsetOfTheLatestAnswerIsReusedWithoutAskingAgain() throws Exception {
        PagoEfectivoClient client = harness.client();
        client.search(List.of("2526391"));
        long calls = harness.fake.count(FakePagoEfectivo.Route.SEARCH);
        assertTrue(client.clockOffset().isPresent());
        assertEquals(calls, harness.fake.count(FakePagoEfectivo.Route.SEARCH));
    }

    @Test
    void anUnreachablePagoEfectivoGivesNoOffset() {
        PagoEfectivoClient client = PagoEfectivoClient.builder(URI.create("https://127.0.0.1:1"), 1,
                randomSecret(), randomSecret()).connectTimeout(Duration.ofSeconds(1)).build();
        assertEquals(Optional.empty(), client.clockOffset());
    }

    private static Secret randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Secret.ofBytes(bytes);
    }
}
