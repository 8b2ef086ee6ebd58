package io.resguardo.web;

import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import io.resguardo.testfixtures.jetty.LogCapture;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two WAR instances on one PostgreSQL schema, both running the reconciler and the shop callbacks, and one sandbox
 * (the first node's, over HTTPS) as PagoEfectivo for both. Every notification is dropped, so only the reconcilers
 * can settle the orders: operators ask both nodes at once about the same orders, and orders left alone are taken up
 * by both nodes' scheduled passes when they expire. Every order is settled once (one {@code order.paid} or
 * {@code order.expired} in the audit log) and every shop event reaches the one receiver exactly once.
 */
class TwoNodesIT {
    private static final Set<String> MOVES = Set.of("order.paid", "order.expired", "order.cancelled", "order.failed");

    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Test
    void twoNodesSettleEveryOrderOnceAndDeliverEveryEventOnce() throws Exception {
        TestDatabase pg = DATABASES.create(Engine.POSTGRESQL);
        Path dir = Files.createTempDirectory("resguardo-two-nodes-");
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir.resolve("tls"));
        int port = SandboxFlowIT.freePort();
        Operator operator = new Operator("ops");
        try (LogCapture logs = new LogCapture(); ShopEndpoint receiver = new ShopEndpoint()) {
            Deployment first = operator.on(new Deployment()).serving(certificate, port)
                    .set("pagoefectivo.base.url", "https://localhost:" + port + "/sandbox")
                    .set("pagoefectivo.truststore", certificate.truststore(dir).toString())
                    .set("pagoefectivo.truststore.password", new String(certificate.password()))
                    .set("resguardo.db.url", pg.url())
                    .set("resguardo.db.user", pg.user())
                    .set("resguardo.shop.webhook.url", receiver.url())
                    .set("resguardo.shop.webhook.secret", receiver.secret.revealEncoded())
                    .set("resguardo.reconcile.interval", "PT1S");
            Deployment second = first.sibling();
            try (Deployment a = first.start(); Deployment b = second.start()) {
                run(a, b, operator, receiver);
                logs.assertNoneContain(a.secrets());
                logs.assertNoneContain(operator.password);
            }
        }
    }

    private static void run(Deployment a, Deployment b, Operator operator, ShopEndpoint receiver) throws Exception {
        List<Deployment> nodes = List.of(a, b);
        assertEquals(200, a.call("PUT", "sandbox/faults", "{\"dropNotifications\":true}").statusCode());
        Map<String, String> expected = new LinkedHashMap<>();
        ZoneOffset lima = ZoneOffset.ofHours(-5);

        // Left to the scheduled passes: paid, then expiring soon, so both nodes find them due at once.
        OffsetDateTime soon = OffsetDateTime.now(lima).plusSeconds(20).withNano(0);
        List<String> leftAlone = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = Flows.newCode("TWO-S");
            Deployment node = nodes.get(i % 2);
            Flows.sandboxAction(a, Flows.createdCip(node.shop(), code, soon), "pay");
            leftAlone.add(code);
            expected.put(code, "PAID");
        }
        // Asked about by operators on both nodes at once.
        OffsetDateTime later = OffsetDateTime.now(lima).plusDays(1).withNano(0);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String code = Flows.newCode("TWO-A");
            Deployment node = nodes.get(i % 2);
            boolean expire = i % 5 == 4;
            Flows.sandboxAction(a, Flows.createdCip(node.shop(), code, later), expire ? "expire" : "pay");
            asked.add(code);
            expected.put(code, expire ? "EXPIRED" : "PAID");
        }
        ExecutorService operators = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String code : asked) {
                for (Deployment node : nodes) {
                    answers.add(operators.submit(() -> operator.reconcile(node, code)));
                }
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
            }
        } finally {
            operators.shutdownNow();
        }
        for (String code : asked) {
            assertEquals(expected.get(code), Flows.order(b.shop(), code).getString("status"), code);
        }
        Flows.await("the scheduled passes settled the expired orders", Duration.ofSeconds(40),
                () -> {
                    for (String code : leftAlone) {
                        if (!Flows.order(a.shop(), code).getString("status").equals("PAID")) {
                            return false;
                        }
                    }
                    return true;
                });

        for (String code : expected.keySet()) {
            receiver.awaitAccepted(code, Duration.ofSeconds(30));
        }
        Thread.sleep(3000);
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, String> order : expected.entrySet()) {
            List<ShopEndpoint.Received> attempts = receiver.attemptsFor(order.getKey());
            assertEquals(1, attempts.size(), "exactly once: " + attempts);
            assertEquals(order.getValue().equals("PAID") ? "payment.succeeded" : "payment.expired",
                    attempts.get(0).type());
            assertNull(attempts.get(0).rejection());
            assertTrue(ids.add(attempts.get(0).id()));
        }

        List<JsonObject> audit = operator.audit(a);
        for (Map.Entry<String, String> order : expected.entrySet()) {
            String settled = "order." + order.getValue().toLowerCase();
            long moves = audit.stream().filter(e -> e.getString("subject").equals(order.getKey())
                    && MOVES.contains(e.getString("action"))).count();
            long settles = audit.stream().filter(e -> e.getString("subject").equals(order.getKey())
                    && e.getString("action").equals(settled)).count();
            assertEquals(1, settles, order.getKey() + " settled once: " + audit.stream()
                    .filter(e -> e.getString("subject").equals(order.getKey())).toList());
            assertEquals(1, moves, "no other move for " + order.getKey());
        }
        long requested = audit.stream().filter(e -> e.getString("action").equals("order.reconcile_requested")).count();
        assertEquals(2L * asked.size(), requested);
        assertEquals(0, operator.json(b, "admin/api/summary").getJsonObject("outbox").getInt("pending"));
        assertTrue(operator.json(b, "admin/api/audit/verify").getBoolean("intact"));
    }
}
