package io.resguardo.web.callback;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.sql.outbox.OutboxStatus;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import io.resguardo.web.callback.ShopReceiver.Received;
import io.resguardo.web.log.SafeLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopCallbacksTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @TempDir
    static Path keys;
    static SelfSignedCertificate certificate;
    static SelfSignedCertificate stranger;

    ShopHarness harness;

    @BeforeAll
    static void certificates() {
        certificate = SelfSignedCertificate.generate(keys.resolve("shop"));
        stranger = SelfSignedCertificate.generate(keys.resolve("stranger"));
    }

    @BeforeEach
    void start() throws Exception {
        harness = new ShopHarness(DATABASES, certificate);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private OutboxEvent onlyEvent() {
        List<OutboxEvent> events = harness.events();
        assertEquals(1, events.size());
        return events.get(0);
    }

    @Test
    void aPaidOrdersPaymentSucceededArrivesOnceCorrectlySignedWithTheStoredBody() throws Exception {
        harness.paidOrder("ORD-1", "1000001");
        OutboxEvent event = onlyEvent();
        ShopCallbacks callbacks = harness.callbacks(() -> 1.0);

        assertEquals(1, callbacks.deliverDue());

        Received received = harness.receiver.next();
        assertNull(received.rejection(), "verified by core StandardWebhooks");
        assertEquals(event.eventId(), received.id());
        assertTrue(received.id().startsWith("msg_"));
        assertEquals(Long.toString(ShopHarness.START.getEpochSecond()), received.timestamp());
        assertEquals("application/json", received.contentType());
        assertEquals(event.payload(), received.body(), "exactly the stored bytes");
        assertTrue(received.body().contains("\"type\":\"payment.succeeded\""), received.body());
        assertEquals(OutboxStatus.DELIVERED, harness.event(event.eventId()).status());

        harness.clock.advance(Duration.ofHours(2));
        assertEquals(0, callbacks.deliverDue());
        harness.receiver.assertNoneWithin(Duration.ofMillis(300));
    }

    @Test
    void aReceiverAnswering500TwiceThen200GetsTheSameIdThreeTimesAndTheEventEndsDelivered() throws Exception {
        harness.paidOrder("ORD-2", "1000002");
        String eventId = onlyEvent().eventId();
        ShopCallbacks callbacks = harness.callbacks(() -> 1.0);
        harness.receiver.answer(500, 500);

        assertEquals(0, callbacks.deliverDue());
        OutboxEvent afterFirst = harness.event(eventId);
        assertEquals(OutboxStatus.PENDING, afterFirst.status());
        assertEquals(Optional.of("HTTP 500"), afterFirst.lastError());
        assertEquals(ShopHarness.START.plusSeconds(5), afterFirst.nextAttemptAt(), "5 s times jitter 1.0");
        assertEquals(0, callbacks.deliverDue(), "not due before its backoff ends");

        harness.clock.advance(Duration.ofSeconds(5));
        assertEquals(0, callbacks.deliverDue());
        assertEquals(harness.clock.instant().plusSeconds(10), harness.event(eventId).nextAttemptAt(), "doubled");

        harness.clock.advance(Duration.ofSeconds(10));
        assertEquals(1, callbacks.deliverDue());

        List<Received> received = List.of(harness.receiver.next(), harness.receiver.next(), harness.receiver.next());
        for (Received one : received) {
            assertEquals(eventId, one.id(), "stable webhook-id");
            assertNull(one.rejection());
        }
        assertEquals(Long.toString(harness.clock.instant().getEpochSecond()), received.get(2).timestamp(),
                "each attempt carries its own time");
        OutboxEvent delivered = harness.event(eventId);
        assertEquals(OutboxStatus.DELIVERED, delivered.status());
        assertEquals(3, delivered.attempts());
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventLaterInOrderPerOrderNoneLost() throws Exception {
        Order first = harness.paidOrder("ORD-A", "1000003");
        harness.paidOrder("ORD-B", "1000004");
        harness.enqueue(first, "payment.refunded.test", "payment.note.test");
        harness.paidOrder("ORD-C", "1000005");
        Map<String, List<String>> expected = new HashMap<>();
        for (OutboxEvent event : harness.events()) {
            expected.computeIfAbsent(event.transactionCode(), k -> new ArrayList<>()).add(event.eventId());
        }
        assertEquals(List.of(3, 1, 1), List.of(expected.get("ORD-A").size(), expected.get("ORD-B").size(),
                expected.get("ORD-C").size()));
        ShopCallbacks callbacks = harness.callbacks(() -> 1.0);

        harness.stopReceiver();
        for (int pass = 0; pass < 5; pass++) {
            assertEquals(0, callbacks.deliverDue());
            harness.clock.advance(Duration.ofMinutes(10));
        }
        for (OutboxEvent event : harness.events()) {
            assertEquals(OutboxStatus.PENDING, event.status());
        }
        assertTrue(harness.event(expected.get("ORD-B").get(0)).lastError().orElseThrow().contains("ConnectException"),
                harness.event(expected.get("ORD-B").get(0)).lastError().orElseThrow());
        assertEquals(0, harness.event(expected.get("ORD-A").get(1)).attempts(), "held back behind the first");

        harness.startReceiver();
        for (int pass = 0; pass < 10 && harness.db.outbox().pendingCount() > 0; pass++) {
            harness.clock.advance(Duration.ofHours(1));
            callbacks.deliverDue();
        }

        assertEquals(0, harness.db.outbox().pendingCount());
        Map<String, String> orderOf = new HashMap<>();
        expected.forEach((order, ids) -> ids.forEach(id -> orderOf.put(id, order)));
        Map<String, List<String>> arrived = new LinkedHashMap<>();
        for (Received received : harness.receiver.drain()) {
            assertNull(received.rejection());
            arrived.computeIfAbsent(orderOf.get(received.id()), k -> new ArrayList<>()).add(received.id());
        }
        assertEquals(expected, arrived, "every event once, in order per order");
    }

    @Test
    void anEventStillFailingTwentyFourHoursAfterItsCreationIsDead() throws Exception {
        harness.paidOrder("ORD-D", "1000006");
        OutboxEvent event = onlyEvent();
        Instant giveUp = event.createdAt().plus(Duration.ofHours(24));
        ShopCallbacks callbacks = harness.callbacks(() -> 1.0);
        harness.stopReceiver();

        Instant lastPendingAttempt = null;
        for (int pass = 0; pass < 100 && harness.event(event.eventId()).status() == OutboxStatus.PENDING; pass++) {
            Instant attemptAt = harness.clock.instant();
            assertEquals(0, callbacks.deliverDue());
            OutboxEvent after = harness.event(event.eventId());
            if (after.status() == OutboxStatus.PENDING) {
                assertTrue(attemptAt.isBefore(giveUp), "still retried before 24 h only");
                lastPendingAttempt = attemptAt;
                harness.clock.set(after.nextAttemptAt());
            }
        }

        OutboxEvent dead = harness.event(event.eventId());
        assertEquals(OutboxStatus.DEAD, dead.status());
        assertFalse(harness.clock.instant().isBefore(giveUp), "given up only after 24 h of retries");
        assertTrue(lastPendingAttempt.isAfter(giveUp.minus(Duration.ofHours(1)).minusSeconds(1)),
                "retried up to the last hour");
        assertTrue(dead.attempts() > 20 && dead.attempts() < 60, "attempts: " + dead.attempts());
        assertTrue(dead.lastError().orElseThrow().contains("ConnectException"), dead.lastError().orElseThrow());
        assertEquals(1, harness.db.outbox().deadCount());
    }

    @Test
    void aReceiverWhoseCertificateIsNotTrustedIsNeverSentTheCallback() throws Exception {
        harness.paidOrder("ORD-E", "1000007");
        String eventId = onlyEvent().eventId();

        assertEquals(0, harness.callbacks(Optional.of(ShopHarness.trustStore(stranger)), () -> 1.0).deliverDue());
        harness.clock.advance(Duration.ofMinutes(1));
        assertEquals(0, harness.callbacks(Optional.empty(), () -> 1.0).deliverDue(), "the JVM's trust");

        harness.receiver.assertNoneWithin(Duration.ofMillis(300));
        OutboxEvent event = harness.event(eventId);
        assertEquals(OutboxStatus.PENDING, event.status());
        assertEquals(2, event.attempts());
        assertTrue(event.lastError().orElseThrow().startsWith("SSLHandshakeException"), event.lastError().get());
    }

    @Test
    void theScheduleLogsOneWarningPerFailureStreakAndNeverTheSecretOrSignature() throws Exception {
        harness.paidOrder("ORD-F", "1000008");
        String eventId = onlyEvent().eventId();
        // Jitter 0: every failed attempt is due again at once, so the schedule retries each second.
        ShopCallbacks callbacks = harness.callbacks(() -> 0.0);
        harness.receiver.answer(500, 500, 500);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<Received> received = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            callbacks.start(scheduler);
            assertThrows(IllegalStateException.class, () -> callbacks.start(scheduler));
            for (int i = 0; i < 4; i++) {
                received.add(harness.receiver.next());
            }
            callbacks.stop();
            scheduler.shutdown();
            assertTrue(scheduler.awaitTermination(30, TimeUnit.SECONDS), "the pass under way finishes");

            assertEquals(OutboxStatus.DELIVERED, harness.event(eventId).status());
            assertEquals(1, log.lines().stream().filter(line -> line.contains("are failing: HTTP 500")).count(),
                    String.join("\n", log.lines()));
            assertTrue(log.contains("delivered again after 3 failed attempt(s); 0 event(s) were given up"),
                    String.join("\n", log.lines()));
            String encoded = harness.secret.revealEncoded();
            List<String> forbidden = new ArrayList<>(List.of(encoded, encoded.substring(WebhookSecret.PREFIX.length())));
            received.forEach(one -> forbidden.add(one.signature().substring("v1,".length())));
            log.assertNoneContain(forbidden.toArray(String[]::new));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aPlainHttpUrlIsRefusedUnlessItIsLoopback() {
        SafeLog log = new SafeLog("io.resguardo.callback", Redactor.standard());
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> new ShopCallbacks(harness.db.outbox(), URI.create("http://shop.example/hooks"),
                        harness.secret, Optional.empty(), harness.clock, "node-1", () -> 1.0, log));
        assertTrue(refused.getMessage().contains("RESGUARDO_SHOP_WEBHOOK_URL"));
        new ShopCallbacks(harness.db.outbox(), URI.create("http://127.0.0.1:8080/hooks"), harness.secret,
                Optional.empty(), harness.clock, "node-1", () -> 1.0, log);
    }
}
