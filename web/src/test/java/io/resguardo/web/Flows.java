package io.resguardo.web;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Steps the end-to-end flow tests share: orders through the shop API, sandbox actions, bounded waiting. */
final class Flows {
    private static final AtomicInteger CODES = new AtomicInteger();

    private Flows() {
    }

    /** A condition polled by {@link #await}; may call the deployment. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static String newCode(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + CODES.incrementAndGet();
    }

    /** Creates the order through the signed shop API and returns its CIP. */
    static String createdCip(TestClients.Shop shop, String code, OffsetDateTime expiresAt) throws Exception {
        HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00", expiresAt),
                null);
        assertEquals(201, created.statusCode(), created.body());
        return Problem.json(created.body()).getString("cip");
    }

    /** {@code POST /sandbox/cips/{cip}/{action}}: pay, expire or delete, answered 202. */
    static void sandboxAction(Deployment sandbox, String cip, String action) throws Exception {
        HttpResponse<String> answer = sandbox.call("POST", "sandbox/cips/" + cip + "/" + action, "{}");
        assertEquals(202, answer.statusCode(), answer.body());
    }

    static JsonObject order(TestClients.Shop shop, String code) throws Exception {
        HttpResponse<String> read = shop.get("api/v1/orders/" + code, null);
        assertEquals(200, read.statusCode(), read.body());
        return Problem.json(read.body());
    }

    /** Polls every 100 ms until {@code condition} holds, or fails after {@code patience}. */
    static void await(String what, Duration patience, Condition condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + patience);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
