package io.resguardo.web;

import io.resguardo.testfixtures.TcpProxy;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import io.resguardo.testfixtures.jetty.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.resguardo.web.Problem.assertProblem;
import static io.resguardo.web.Problem.assertRetryAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database (PostgreSQL, reached through a proxy the test can cut) goes away mid-run: the notification is answered
 * 503 with Retry-After and nothing is half-written; once it is back, the re-sent notification is applied.
 */
class DatabaseOutageIT {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    /** The pool reconnects on its own schedule after an outage: wait (bounded) until /health says so. */
    private static void awaitHealthy(Deployment app) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (app.client().send(HttpRequest.newBuilder(app.jetty.httpsUri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the database did not come back within 30 s");
    }

    @Test
    void aNotificationDuringAnOutageIsAnswered503AndAppliedWhenResent() throws Exception {
        TestDatabase pg = DATABASES.create(Engine.POSTGRESQL);
        try (LogCapture logs = new LogCapture();
             TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            String url = pg.url().replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
            try (Deployment app = new Deployment().set("resguardo.db.url", url).set("resguardo.db.user", pg.user())
                    .set("resguardo.db.connection.timeout", "PT1S").start()) {
                TestClients.Shop shop = app.shop();
                String code = "O-" + System.nanoTime();
                HttpResponse<String> created = shop.post("api/v1/orders", ContractIT.orderJson(code, "150.00"), null);
                assertEquals(201, created.statusCode(), created.body());
                String cip = Problem.json(created.body()).getString("cip");
                String body = TestClients.paidJson(cip, "OP-9", "150.00", "PEN");

                proxy.cut();
                HttpResponse<String> down = app.notifier().post(body, null);
                assertProblem(down, 503, "SERVICE_UNAVAILABLE");
                assertRetryAfter(down);
                HttpResponse<String> health = app.client().send(HttpRequest.newBuilder(
                        app.jetty.httpsUri().resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
                assertProblem(health, 503, "SERVICE_UNAVAILABLE");

                proxy.restore();
                awaitHealthy(app);
                HttpResponse<String> resent = app.notifier().post(body, null);
                assertEquals(200, resent.statusCode(), resent.body());
                assertEquals("ACCEPTED", Problem.json(resent.body()).getString("status"), "first effect, not a repeat");
                assertEquals("PAID", Problem.json(shop.get("api/v1/orders/" + code, null).body()).getString("status"));
                logs.assertNoneContain(app.secrets());
            }
        }
    }
}
