package io.resguardo.web.callback;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.webhook.StandardWebhooks;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Stands in for the shop's webhook endpoint: verifies every callback with core's {@link StandardWebhooks}, records
 * it, and answers the statuses a test scripts, then 204 (or 401 for a bad signature, as a shop would).
 */
final class ShopReceiver extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** One callback as received; {@code rejection} is the verification error code, null when verified. */
    record Received(String id, String timestamp, String signature, String contentType, String body,
                    String rejection) {
    }

    private final transient StandardWebhooks verifier;
    private final transient BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final transient BlockingQueue<Integer> script = new LinkedBlockingQueue<>();

    ShopReceiver(StandardWebhooks verifier) {
        this.verifier = verifier;
    }

    /** The next statuses to answer, in order, before going back to the default. */
    void answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
    }

    /** Everything received so far and not yet taken, in arrival order. */
    List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** The next callback, waiting up to 5 seconds (the callbacks are sent on another thread). */
    Received next() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(next, "no callback arrived within 5 s");
        return next;
    }

    void assertNoneWithin(Duration wait) throws InterruptedException {
        assertNull(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS), "an unexpected callback arrived");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String rejection = null;
        try {
            verifier.verify(request::getHeader, body);
        } catch (ResguardoException e) {
            rejection = e.code().name();
        }
        received.add(new Received(request.getHeader(StandardWebhooks.HEADER_ID),
                request.getHeader(StandardWebhooks.HEADER_TIMESTAMP),
                request.getHeader(StandardWebhooks.HEADER_SIGNATURE), request.getContentType(),
                new String(body, StandardCharsets.UTF_8), rejection));
        Integer scripted = script.poll();
        response.setStatus(scripted != null ? scripted : rejection == null ? 204 : 401);
    }
}
