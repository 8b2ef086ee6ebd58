package io.resguardo.web.pagoefectivo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A PagoEfectivo API v1 of our own, over HTTPS with the JDK's server: it checks the authorization exactly as the
 * real service would (service id, access key, a fresh {@code dateRequest}, the {@code hashString} recomputed here with
 * {@link MessageDigest}), issues tokens that expire by the test's clock, refuses unknown or expired tokens with 401,
 * creates CIPs (refusing a reused {@code transactionCode}), and answers searches, changes and deletions. Tests queue
 * scripted replies per route to make it fail in the ways the real one can; it records every request it read.
 */
final class FakePagoEfectivo implements AutoCloseable {
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final Pattern DATE_REQUEST = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}-05:00");
    private static final Duration DATE_REQUEST_TOLERANCE = Duration.ofMinutes(5);

    enum Route { AUTH, CREATE, SEARCH, PATCH, DELETE, OTHER }

    /** A request the fake read in full. */
    record Seen(Route route, String method, String path, Headers headers, String body) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** A scripted answer. */
    @FunctionalInterface
    interface Reply {
        void send(Exchange exchange) throws IOException;
    }

    private final SSLContext context;
    private final boolean needClientAuth;
    private final Clock clock;
    private final long serviceId;
    private final String accessKey;
    private final String secretKey;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final List<String> receivedHashes = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<Route, ConcurrentLinkedDeque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Set<String> transactionCodes = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextCip = new AtomicLong(2_526_391);
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Duration tokenLifetime = Duration.ofHours(2);
    private volatile boolean sendTokenExpires = true;
    private volatile boolean closeConnections;
    private volatile HttpsServer server;
    private volatile int port;

    FakePagoEfectivo(SSLContext context, boolean needClientAuth, Clock clock, long serviceId, String accessKey,
                     String secretKey) {
        this.context = context;
        this.needClientAuth = needClientAuth;
        this.clock = clock;
        this.serviceId = serviceId;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts on an ephemeral port of the loopback interface. */
    FakePagoEfectivo start() {
        return start(0);
    }

    FakePagoEfectivo start(int wanted) {
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(needClientAuth);
                    parameters.setSSLParameters(ssl);
                }
            });
            https.createContext("/", this::handle);
            https.setExecutor(executor);
            https.start();
            server = https;
            port = https.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening: new connections are refused until {@link #start(int)} again. */
    void stop() {
        HttpsServer https = server;
        if (https != null) {
            https.stop(0);
            server = null;
        }
    }

    int port() {
        return port;
    }

    URI baseUri() {
        return URI.create("https://localhost:" + port);
    }

    /** Queues replies for {@code route}, used in order before the default behaviour resumes. */
    void script(Route route, Reply... replies) {
        ConcurrentLinkedDeque<Reply> queue = scripts.computeIfAbsent(route, r -> new ConcurrentLinkedDeque<>());
        queue.addAll(List.of(replies));
    }

    void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    void sendTokenExpires(boolean send) {
        this.sendTokenExpires = send;
    }

    /** Answers with {@code Connection: close}, so that the client keeps no connection open between calls. */
    void closeConnections(boolean close) {
        this.closeConnections = close;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(Route route) {
        return seen.stream().filter(s -> s.route() == route).toList();
    }

    long count(Route route) {
        return seen(route).size();
    }

    List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    List<String> receivedHashes() {
        return List.copyOf(receivedHashes);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    // ---- replies

    static Reply json(int status, String body, String... headerPairs) {
        return exchange -> exchange.json(status, body, headerPairs);
    }

    static Reply serviceUnavailable() {
        return json(503, "{\"code\":\"503\",\"message\":\"Service Unavailable\"}");
    }

    static Reply tooManyRequests(String retryAfter) {
        return json(429, "{\"code\":\"429\",\"message\":\"Too Many Requests\"}", "Retry-After", retryAfter);
    }

    static Reply error166() {
        return json(500, "{\"code\":\"166\",\"message\":\"Error interno\"}");
    }

    /** Reads the request (already done), then answers nothing until {@code release}. */
    static Reply stallUntil(CountDownLatch release) {
        return exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.json(201, "{}");
        };
    }

    /** One request and its reply channel. */
    final class Exchange {
        private final HttpExchange http;
        private final String body;

        Exchange(HttpExchange http, String body) {
            this.http = http;
            this.body = body;
        }

        String body() {
            return body;
        }

        void json(int status, String json, String... headerPairs) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                http.getResponseHeaders().set(headerPairs[i], headerPairs[i + 1]);
            }
            if (closeConnections) {
                http.getResponseHeaders().set("Connection", "close");
            }
            http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    // ---- the service

    private void handle(HttpExchange http) {
        try (http) {
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = http.getRequestURI().getPath();
            Route route = route(http.getRequestMethod(), path);
            seen.add(new Seen(route, http.getRequestMethod(), path, http.getRequestHeaders(), body));
            Exchange exchange = new Exchange(http, body);
            if (route != Route.AUTH && !authorized(http.getRequestHeaders())) {
                exchange.json(401, "{\"code\":\"401\",\"message\":\"Unauthorized\"}");
                return;
            }
            ConcurrentLinkedDeque<Reply> queue = scripts.get(route);
            Reply scripted = queue == null ? null : queue.poll();
            if (scripted != null) {
                scripted.send(exchange);
                return;
            }
            switch (route) {
                case AUTH -> authorize(exchange);
                case CREATE -> create(exchange);
                case SEARCH -> search(exchange);
                case PATCH, DELETE -> exchange.json(200, "{\"code\":\"100\",\"message\":\"Solicitud exitosa\"}");
                default -> exchange.json(404, "{\"code\":\"404\",\"message\":\"Not Found\"}");
            }
        } catch (IOException | RuntimeException e) {
            // The client gave up or the test is over; nothing to answer.
        }
    }

    /** Routes as the real API, also under {@code /sandbox} (where the WAR's simulator lives). */
    private static Route route(String method, String fullPath) {
        String path = fullPath.startsWith("/sandbox/") ? fullPath.substring("/sandbox".length()) : fullPath;
        if (path.equals("/v1/authorizations") && method.equals("POST")) {
            return Route.AUTH;
        }
        if (path.equals("/v1/cips") && method.equals("POST")) {
            return Route.CREATE;
        }
        if (path.equals("/v1/cips/search") && method.equals("POST")) {
            return Route.SEARCH;
        }
        if (path.startsWith("/v1/cips/") && method.equals("PATCH")) {
            return Route.PATCH;
        }
        if (path.startsWith("/v1/cips/") && method.equals("DELETE")) {
            return Route.DELETE;
        }
        return Route.OTHER;
    }

    private boolean authorized(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = tokens.get(authorization.substring("Bearer ".length()));
        return expires != null && clock.instant().isBefore(expires);
    }

    private void authorize(Exchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(exchange.body()))) {
            request = reader.readObject();
        }
        String hash = request.getString("hashString", "");
        receivedHashes.add(hash);
        if (!credentialsHold(request, hash)) {
            exchange.json(401, "{\"code\":\"101\",\"message\":\"Credenciales invalidas\"}");
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(tokenLifetime);
        tokens.put(token, expires);
        issuedTokens.add(token);
        var data = Json.createObjectBuilder().add("token", token).add("codeService", "RSG")
                .add("tokenStart", lima(now));
        if (sendTokenExpires) {
            data.add("tokenExpires", lima(expires));
        }
        exchange.json(201, Json.createObjectBuilder().add("code", "100").add("message", "Solicitud exitosa")
                .add("data", data).build().toString());
    }

    private boolean credentialsHold(JsonObject request, String hash) {
        JsonValue idService = request.get("idService");
        String dateRequest = request.getString("dateRequest", "");
        if (idService == null || idService.getValueType() != JsonValue.ValueType.NUMBER
                || request.getJsonNumber("idService").longValueExact() != serviceId
                || !accessKey.equals(request.getString("accessKey", ""))
                || !DATE_REQUEST.matcher(dateRequest).matches()) {
            return false;
        }
        Instant sent = OffsetDateTime.parse(dateRequest).toInstant();
        if (Duration.between(sent, clock.instant()).abs().compareTo(DATE_REQUEST_TOLERANCE) > 0) {
            return false;
        }
        String expected = sha256Hex(serviceId + "." + accessKey + "." + secretKey + "." + dateRequest);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void create(Exchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(exchange.body()))) {
            request = reader.readObject();
        }
        String transactionCode = request.getString("transactionCode", "");
        if (!transactionCodes.add(transactionCode)) {
            exchange.json(400, "{\"code\":\"113\",\"message\":\"Valor invalido\",\"data\":[{\"code\":\"113\","
                    + "\"message\":\"transactionCode ya fue usado\",\"field\":\"transactionCode\"}]}");
            return;
        }
        long cip = nextCip.getAndIncrement();
        exchange.json(201, Json.createObjectBuilder()
                .add("code", 100)
                .add("message", "Solicitud exitosa")
                .add("data", Json.createObjectBuilder()
                        .add("cip", cip)
                        .add("currency", request.getString("currency"))
                        .add("amount", request.getJsonNumber("amount"))
                        .add("transactionCode", transactionCode)
                        .add("dateExpiry", request.getString("dateExpiry"))
                        .add("cipUrl", "https://pre1a.payment.pagoefectivo.pe/cip/" + cip + ".html"))
                .build().toString());
    }

    private void search(Exchange exchange) throws IOException {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(exchange.body()))) {
            request = reader.readObject();
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (JsonValue cip : request.getJsonArray("cips")) {
            data.add(Json.createObjectBuilder().add("cip", cip).add("status", "pending"));
        }
        exchange.json(200, Json.createObjectBuilder().add("code", "100").add("message", "Solicitud exitosa")
                .add("data", data).build().toString());
    }

    private static String lima(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(LIMA).toOffsetDateTime());
    }
}
