package io.resguardo.web;

import io.resguardo.testfixtures.jetty.LogCapture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shop's receiver is down for a while, first answering 503, then refusing connections, then up again: every shop
 * event queued meanwhile (payments, expiries and cancellations of different orders) reaches it later, once each,
 * with the same {@code webhook-id} on every attempt. An order has at most one event (it leaves PENDING once), so
 * "in order per order" here means nothing is delivered for an order beyond its one event.
 */
class ShopOutageIT {
    private static final Map<String, String> EVENTS = Map.of("pay", "payment.succeeded", "expire", "payment.expired",
            "delete", "payment.cancelled");

    @Test
    void eventsWaitOutTheShopsOutageAndArriveOnceEachWithTheirId() throws Exception {
        Operator operator = new Operator("ops");
        try (LogCapture logs = new LogCapture(); ShopEndpoint receiver = new ShopEndpoint();
             Deployment app = operator.on(new Deployment())
                     .set("resguardo.shop.webhook.url", receiver.url())
                     .set("resguardo.shop.webhook.secret", receiver.secret.revealEncoded())
                     .start()) {
            TestClients.Shop shop = app.shop();
            receiver.answer(503);
            Map<String, String> expected = new LinkedHashMap<>();
            OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(1).withNano(0);
            List<String> actions = List.of("pay", "expire", "delete");
            for (int i = 0; i < 9; i++) {
                String code = Flows.newCode("OUT");
                String action = actions.get(i % actions.size());
                Flows.sandboxAction(app, Flows.createdCip(shop, code, expiry), action);
                expected.put(code, EVENTS.get(action));
            }

            Flows.await("every event refused once with 503", Duration.ofSeconds(20),
                    () -> expected.keySet().stream().noneMatch(code -> receiver.attemptsFor(code).isEmpty()));
            receiver.refuse();
            Flows.await("an attempt finding the connection refused", Duration.ofSeconds(20),
                    () -> operator.json(app, "admin/api/outbox?status=PENDING&limit=50").getJsonArray("events")
                            .getValuesAs(JsonObject.class).stream()
                            .anyMatch(e -> e.getString("lastError", "").contains("ConnectException")));
            receiver.reopen();

            for (String code : expected.keySet()) {
                receiver.awaitAccepted(code, Duration.ofSeconds(60));
            }
            Thread.sleep(2000);
            Set<String> ids = new HashSet<>();
            for (Map.Entry<String, String> order : expected.entrySet()) {
                List<ShopEndpoint.Received> attempts = receiver.attemptsFor(order.getKey());
                List<ShopEndpoint.Received> accepted = receiver.acceptedFor(order.getKey());
                assertEquals(1, accepted.size(), "delivered once: " + attempts);
                ShopEndpoint.Received delivered = accepted.get(0);
                assertEquals(503, attempts.get(0).answered(), "the first attempt met the outage");
                assertEquals(delivered, attempts.get(attempts.size() - 1), "nothing after the delivery");
                assertTrue(attempts.stream().allMatch(a -> a.id().equals(delivered.id())),
                        "one webhook-id across retries: " + attempts);
                assertTrue(attempts.stream().allMatch(a -> a.type().equals(order.getValue())), attempts.toString());
                assertNull(delivered.rejection(), "signed with the shop's secret");
                assertTrue(ids.add(delivered.id()), "each event has its own id");
            }
            assertEquals(0, operator.json(app, "admin/api/summary").getJsonObject("outbox").getInt("pending"));
            logs.assertNoneContain(app.secrets());
        }
    }
}
