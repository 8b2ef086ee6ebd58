package io.resguardo.web.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.pagoefectivo.FakePagoEfectivo.Route;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(Pki.Extension.class)
class RetryTest {
    private static final List<String> CIPS = List.of("2526391");
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
    void searchIsRetriedOn503And429ThenSucceeds() throws Exception {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.serviceUnavailable(),
                FakePagoEfectivo.tooManyRequests("2"));
        harness.randoms.add(0.25);

        List<CipState> states = harness.client().search(CIPS);

        assertEquals(1, states.size());
        assertEquals(3, harness.fake.count(Route.SEARCH));
        // After the 503: a quarter of the 200 ms ceiling; after the 429: its Retry-After.
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofSeconds(2)), harness.sleeper.delays());
    }

    @Test
    void delaysFollowExponentialBackoffWithFullJitter() throws Exception {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1));
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.serviceUnavailable(),
                FakePagoEfectivo.serviceUnavailable(), FakePagoEfectivo.serviceUnavailable(),
                FakePagoEfectivo.serviceUnavailable(), FakePagoEfectivo.serviceUnavailable());
        double[] randoms = {0.5, 0.999, 0.0, 0.75, 0.999};
        for (double random : randoms) {
            harness.randoms.add(random);
        }

        harness.builder().retryPolicy(policy).build().search(CIPS);

        List<Duration> delays = harness.sleeper.delays();
        assertEquals(6, harness.fake.count(Route.SEARCH));
        assertEquals(5, delays.size());
        long[] ceilingsMillis = {200, 400, 800, 1000, 1000};
        for (int i = 0; i < delays.size(); i++) {
            Duration ceiling = policy.ceiling(i + 1);
            assertEquals(Duration.ofMillis(ceilingsMillis[i]), ceiling);
            assertTrue(!delays.get(i).isNegative() && delays.get(i).compareTo(ceiling) < 0,
                    "delay " + i + " within [0, ceiling)");
            assertEquals((long) (ceiling.toNanos() * randoms[i]), delays.get(i).toNanos());
        }
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() throws Exception {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.tooManyRequests("120"));

        harness.client().search(CIPS);

        assertEquals(List.of(Duration.ofSeconds(5)), harness.sleeper.delays());
    }

    @Test
    void error166IsUnavailableAfterEveryAttempt() {
        harness.fake.script(Route.SEARCH, FakePagoEfectivo.error166(), FakePagoEfectivo.error166(),
                FakePagoEfectivo.error166(), FakePagoEfectivo.error166());

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class, () -> harness.client().search(CIPS));

        assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals(4, harness.fake.count(Route.SEARCH));
        assertEquals(3, harness.sleeper.delays().size());
    }

    @Test
    void deletionAndExpiryChangeAreRetriedOnServerErrors() throws Exception {
        harness.fake.script(Route.DELETE, FakePagoEfectivo.serviceUnavailable());
        harness.fake.script(Route.PATCH, FakePagoEfectivo.error166());
        PagoEfectivoClient client = harness.client();

        client.delete("2526391");
        client.updateExpiry("2526391", OffsetDateTime.of(2026, 12, 1, 21, 0, 0, 0, ZoneOffset.ofHours(-5)));

        assertEquals(2, harness.fake.count(Route.DELETE));
        assertEquals(2, harness.fake.count(Route.PATCH));
    }

    @Test
    void creationIsRepeatedAfterError166BecauseNothingWasCreated() throws Exception {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.error166());

        CreatedCip created = harness.client().createCip(harness.request("ORD-166"));

        assertFalse(created.cip().isBlank());
        assertEquals(2, harness.fake.count(Route.CREATE));
        assertEquals(1, harness.sleeper.delays().size());
    }

    @Test
    void creationIsRepeatedOn429AfterRetryAfter() throws Exception {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.tooManyRequests("1"));

        harness.client().createCip(harness.request("ORD-429"));

        assertEquals(2, harness.fake.count(Route.CREATE));
        assertEquals(List.of(Duration.ofSeconds(1)), harness.sleeper.delays());
    }

    @Test
    void creationRefusedWith166EveryTimeGivesUpAsUnavailable() {
        for (int i = 0; i < 10; i++) {
            harness.fake.script(Route.CREATE, FakePagoEfectivo.error166());
        }

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> harness.client().createCip(harness.request("ORD-166x")));

        assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals(RetryPolicy.defaults().maxAttempts(), harness.fake.count(Route.CREATE));
    }

    @Test
    void creationAnsweredByAGatewayErrorHasAnUnknownOutcome() {
        harness.fake.script(Route.CREATE, FakePagoEfectivo.json(504, "<html>Gateway Timeout</html>"));

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> harness.client().createCip(harness.request("ORD-504")));

        assertInstanceOf(CipOutcomeUnknownException.class, e);
        assertEquals(PagoEfectivoException.Kind.OUTCOME_UNKNOWN, e.kind());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals(1, harness.fake.count(Route.CREATE));
    }

    @Test
    void creationThatStallsPastTheTimeoutHasAnUnknownOutcomeAndIsNotRepeated() throws Exception {
        PagoEfectivoClient client = harness.builder().requestTimeout(Duration.ofMillis(400)).build();
        client.search(CIPS);
        int delaysBefore = harness.sleeper.delays().size();
        CountDownLatch release = new CountDownLatch(1);
        harness.fake.script(Route.CREATE, FakePagoEfectivo.stallUntil(release));
        try {
            CipOutcomeUnknownException e = assertThrows(CipOutcomeUnknownException.class,
                    () -> client.createCip(harness.request("ORD-STALL")));

            assertEquals(PagoEfectivoException.Kind.OUTCOME_UNKNOWN, e.kind());
            assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
            assertEquals(1, harness.fake.count(Route.CREATE));
            assertEquals(delaysBefore, harness.sleeper.delays().size(), "no wait, no second attempt");
        } finally {
            release.countDown();
        }
    }

    @Test
    void creationIsRepeatedAfterTheConnectionWasRefused() throws Exception {
        harness.fake.closeConnections(true);
        PagoEfectivoClient client = harness.client();
        client.search(CIPS);
        int port = harness.fake.port();
        harness.fake.stop();
        AtomicBoolean restarted = new AtomicBoolean();
        harness.sleeper.onSleep(() -> {
            if (restarted.compareAndSet(false, true)) {
                harness.fake.start(port);
            }
        });

        CreatedCip created = client.createCip(harness.request("ORD-REFUSED"));

        assertEquals("2526391", created.cip());
        assertEquals(1, harness.sleeper.delays().size());
        assertEquals(1, harness.fake.count(Route.CREATE));
        assertEquals(1, harness.fake.count(Route.AUTH));
    }

    @Test
    void nothingListeningIsUnavailableAfterEveryAttempt() throws Exception {
        harness.fake.stop();
        PagoEfectivoClient client = harness.client();

        PagoEfectivoException e = assertThrows(PagoEfectivoException.class,
                () -> client.createCip(harness.request("ORD-NOBODY")));

        assertEquals(PagoEfectivoException.Kind.UNAVAILABLE, e.kind());
        // Four authorization attempts, all refused; the creation itself never went out.
        assertEquals(3, harness.sleeper.delays().size());
        assertEquals(0, harness.fake.count(Route.CREATE));
    }
}
