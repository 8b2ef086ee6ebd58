package io.resguardo.web.alert;

import com.sun.net.httpserver.HttpServer;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.web.config.SettingSource;
import io.resguardo.web.log.SafeLog;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMonitorTest {
    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-27T10:00:00Z"));
    final SafeLog log = new SafeLog("io.resguardo.alerts", Redactor.standard());
    final List<AlertMonitor.Alert> sunk = new ArrayList<>();

    private AlertMonitor monitor(AlertKind kind, String rule, AtomicLong source) {
        Map<AlertKind, AlertRule> rules = AlertRules.load(SettingSource.of(Map.of(kind.setting(), rule)));
        return new AlertMonitor(rules, Map.of(kind, source::get), clock, log, sunk::add);
    }

    @Test
    void aFloodOfSignatureFailuresIsOneAlertPerWindowNotOnePerRequest() {
        AtomicLong failures = new AtomicLong();
        AlertMonitor monitor = monitor(AlertKind.SIGNATURE_FAILURES, "20/PT5M", failures);
        monitor.evaluate();
        for (int pass = 0; pass < 30; pass++) {
            failures.addAndGet(100);
            clock.advance(Duration.ofSeconds(10));
            monitor.evaluate();
        }
        assertEquals(1, sunk.size(), "5 minutes of flood: one alert");
        assertEquals(AlertKind.SIGNATURE_FAILURES, sunk.get(0).kind());
        clock.advance(Duration.ofSeconds(10));
        failures.addAndGet(100);
        monitor.evaluate();
        assertEquals(2, sunk.size(), "the next window of flood raises the next alert");
    }

    @Test
    void aSlowTrickleBelowTheRateDoesNotAlert() {
        AtomicLong failures = new AtomicLong();
        AlertMonitor monitor = monitor(AlertKind.SIGNATURE_FAILURES, "20/PT5M", failures);
        monitor.evaluate();
        for (int pass = 0; pass < 200; pass++) {
            failures.addAndGet(pass % 3 == 0 ? 1 : 0);
            clock.advance(Duration.ofSeconds(10));
            monitor.evaluate();
        }
        assertEquals(List.of(), sunk, "about 10 failures per 5 minutes stays under 20 per 5 minutes");
    }

    @Test
    void aLastingLevelAlertsAgainOnlyAfterAnHour() {
        AtomicLong dead = new AtomicLong(3);
        AlertMonitor monitor = monitor(AlertKind.OUTBOX_FAILURES, "1", dead);
        monitor.evaluate();
        clock.advance(Duration.ofMinutes(59));
        monitor.evaluate();
        assertEquals(1, sunk.size());
        clock.advance(Duration.ofMinutes(1));
        monitor.evaluate();
        assertEquals(2, sunk.size());
        assertEquals(3, sunk.get(1).value());
        assertEquals(List.of(sunk.get(1), sunk.get(0)), monitor.recent(), "newest first");
    }

    @Test
    void aZeroThresholdSwitchesTheRuleOffAndAFailingSourceIsSkipped() {
        AlertMonitor off = monitor(AlertKind.BANS, "0", new AtomicLong(50));
        off.evaluate();
        Map<AlertKind, AlertRule> rules = AlertRules.defaults();
        AlertMonitor failing = new AlertMonitor(rules, Map.of(AlertKind.OUTBOX_FAILURES, () -> {
            throw new IllegalStateException("database down");
        }), clock, log, sunk::add);
        failing.evaluate();
        assertEquals(List.of(), sunk);
    }

    @Test
    void eachAlertIsLoggedOnceAsAnAlertRecord() {
        try (LogCapture logs = new LogCapture()) {
            AlertMonitor monitor = monitor(AlertKind.INCONSISTENT_NOTIFICATIONS, "1/PT15M", new AtomicLong());
            monitor.evaluate();
            AtomicLong count = new AtomicLong();
            AlertMonitor rising = new AlertMonitor(AlertRules.defaults(),
                    Map.of(AlertKind.INCONSISTENT_NOTIFICATIONS, count::get), clock, log, sunk::add);
            rising.evaluate();
            count.set(2);
            clock.advance(Duration.ofSeconds(10));
            rising.evaluate();
            rising.evaluate();
            assertEquals(1, logs.lines().stream().filter(l -> l.contains("ALERT inconsistent_notifications")).count());
        }
    }

    @Test
    void badThresholdsAreRefusedNamingTheSetting() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AlertRules.load(SettingSource.of(Map.of("RESGUARDO_ALERT_SIGNATURE_FAILURES", "lots",
                        "RESGUARDO_ALERT_BANS", "1/PT5M", "RESGUARDO_ALERT_ALLOWLIST_REJECTIONS", "5/PT1S"))));
        assertTrue(e.getMessage().contains("RESGUARDO_ALERT_SIGNATURE_FAILURES"), e.getMessage());
        assertTrue(e.getMessage().contains("RESGUARDO_ALERT_BANS"), e.getMessage());
        assertTrue(e.getMessage().contains("RESGUARDO_ALERT_ALLOWLIST_REJECTIONS"), e.getMessage());
        assertEquals(Optional.of(Duration.ofMinutes(5)), AlertRules.defaults().get(AlertKind.SIGNATURE_FAILURES).window());
    }

    @Test
    void theAlertWebhookPostsASignedEventTheReceiverVerifies() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StandardWebhooks verifier = StandardWebhooks.of(secret, clock);
        server.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                verifier.verify(exchange.getRequestHeaders()::getFirst, body);
                received.add(new String(body, StandardCharsets.UTF_8));
            } catch (Exception e) {
                received.add("REJECTED " + e.getMessage());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            AlertWebhook webhook = new AlertWebhook(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/alerts"), secret, clock, Runnable::run, log);
            webhook.accept(new AlertMonitor.Alert(AlertKind.BANS, clock.instant(), 2, "1", AlertKind.BANS.meaning()));
            String body = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(body);
            assertTrue(body.startsWith("{\"type\":\"alert.bans\""), body);
        } finally {
            server.stop(0);
        }
        assertThrows(InvalidConfigurationException.class, () -> new AlertWebhook(
                URI.create("http://alerts.example.com/x"), secret, clock, Runnable::run, log));
    }
}
