package io.resguardo.web;

import com.sun.net.httpserver.HttpServer;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A shop's callback receiver on plain loopback HTTP that verifies every callback with core's Standard Webhooks and
 * remembers every attempt. It can be taken down: answering {@code 503}, or closed so connections are refused, then
 * brought back on the same port.
 */
final class ShopEndpoint implements AutoCloseable {
    /** One callback attempt as received, with the status it was answered. */
    record Received(String id, String type, String transactionCode, String rejection, int answered) {
        boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    /** Every attempt, answered 2xx or not. */
    final List<Received> attempts = new CopyOnWriteArrayList<>();
    private final StandardWebhooks verifier = StandardWebhooks.of(secret, Clock.systemUTC());
    private final int port;
    private volatile int answer = 204;
    private HttpServer server;

    ShopEndpoint() {
        server = serve(0);
        port = server.getAddress().getPort();
    }

    private HttpServer serve(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            http.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String rejection = null;
                try {
                    verifier.verify(exchange.getRequestHeaders()::getFirst, body);
                } catch (ResguardoException e) {
                    rejection = e.code().name();
                }
                int status = answer;
                JsonObject event = Problem.json(new String(body, StandardCharsets.UTF_8));
                Received r = new Received(exchange.getRequestHeaders().getFirst(StandardWebhooks.HEADER_ID),
                        event.getString("type", ""), event.getJsonObject("data").getString("transactionCode", ""),
                        rejection, status);
                attempts.add(r);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** From now on every callback is answered {@code status}. */
    void answer(int status) {
        answer = status;
    }

    /** Closes the listening socket: callbacks find the connection refused until {@link #reopen()}. */
    synchronized void refuse() {
        server.stop(0);
    }

    /** Listens again on the same port, answering 204. */
    synchronized void reopen() {
        answer = 204;
        server = serve(port);
    }

    /** The attempts for one order, in arrival order. */
    List<Received> attemptsFor(String transactionCode) {
        return attempts.stream().filter(r -> r.transactionCode().equals(transactionCode)).toList();
    }

    /** The accepted callbacks for one order. */
    List<Received> acceptedFor(String transactionCode) {
        return attemptsFor(transactionCode).stream().filter(Received::accepted).toList();
    }

    /** Waits until {@code transactionCode} has an accepted callback; returns it. */
    Received awaitAccepted(String transactionCode, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> accepted = acceptedFor(transactionCode);
            if (!accepted.isEmpty()) {
                return accepted.get(0);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no accepted callback for " + transactionCode + " within " + patience);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
