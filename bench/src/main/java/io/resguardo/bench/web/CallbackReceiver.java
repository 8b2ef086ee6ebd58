package io.resguardo.bench.web;

import com.sun.net.httpserver.HttpServer;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shop's callback endpoint for the flow benchmark: plain HTTP on loopback (Resguardo allows {@code http} only
 * there), every callback verified with core's Standard Webhooks as a shop would, and the arrival time
 * ({@code System.nanoTime}, same JVM as the load generator) of the first callback per transaction code kept.
 */
final class CallbackReceiver implements AutoCloseable {
    private static final byte[] CODE_KEY = "\"transactionCode\":\"".getBytes(StandardCharsets.US_ASCII);

    final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    private final StandardWebhooks verifier = StandardWebhooks.of(secret, Clock.systemUTC());
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final HttpServer server;

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "shop-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/hook", exchange -> {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                verifier.verify(exchange.getRequestHeaders()::getFirst, body);
                if (arrivals.putIfAbsent(transactionCode(body), arrived) != null) {
                    repeated.increment();
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (ResguardoException e) {
                rejected.increment();
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        server.start();
    }

    private static String transactionCode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf(new String(CODE_KEY, StandardCharsets.US_ASCII));
        int start = at + CODE_KEY.length;
        return at < 0 ? "" : text.substring(start, text.indexOf('"', start));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** When the first callback for {@code transactionCode} arrived, or null. */
    Long arrival(String transactionCode) {
        return arrivals.get(transactionCode);
    }

    long rejected() {
        return rejected.sum();
    }

    long repeated() {
        return repeated.sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
