package io.resguardo.web;

import io.resguardo.testfixtures.jetty.LogCapture;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thousand copies of one notification at once: one effect, no server error. */
class ConcurrencyIT {
    @Test
    void aThousandConcurrentIdenticalNotificationsPayTheOrderOnceWithoutServerErrors() throws Exception {
        try (LogCapture logs = new LogCapture();
             Deployment app = new Deployment().set("resguardo.rate.limit.webhook", "100000/s,burst=100000").start()) {
            TestClients.Shop shop = app.shop();
            String code = "C-" + System.nanoTime();
            HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00"), null);
            assertEquals(201, created.statusCode(), created.body());
            String cip = Problem.json(created.body()).getString("cip");
            String body = TestClients.paidJson(cip, "OP-1000", "150.00", "PEN");

            TestClients.Notifier notifier = app.notifier();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return notifier.post(body, null).statusCode();
                        } catch (Exception e) {
                            return -1;
                        }
                    }, pool));
                }
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (CompletableFuture<Integer> answer : answers) {
                    statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
                }
                assertEquals(Map.of(200, 1000), statuses, "every copy answered 200, none 5xx or lost");
            } finally {
                pool.shutdownNow();
            }
            var order = Problem.json(shop.get("api/v1/orders/" + code, null).body());
            assertEquals("PAID", order.getString("status"));
            String metrics = app.client().send(java.net.http.HttpRequest.newBuilder(
                    app.jetty.httpsUri().resolve("metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("resguardo_notifications_total{result=\"ACCEPTED\"} 1\n"), metrics);
            assertTrue(metrics.contains("resguardo_notifications_total{result=\"DUPLICATE\"} 999\n"), metrics);
            logs.assertNoneContain(app.secrets());
        }
    }
}
