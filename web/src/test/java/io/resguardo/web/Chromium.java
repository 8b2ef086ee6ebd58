package io.resguardo.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless {@code chromium}, driven over the Chrome DevTools Protocol with the JDK's own WebSocket client:
 * no WebDriver, no browser download. The browser gets a fresh profile directory, no network of its own (no sync,
 * component updates, background requests or QUIC), and trusts exactly one server key: the SHA-256 hash of the test
 * certificate's public key goes to {@code --ignore-certificate-errors-spki-list}, which Chromium honours only
 * together with {@code --user-data-dir}. That is a pin on the one key the test server presents, not a switch that
 * ignores certificate errors: a server with any other key still fails the TLS handshake.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> calls = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, WebSocket.Builder connector, URI browser) {
        this.process = process;
        this.profile = profile;
        this.socket = connector.buildAsync(browser, new Listener()).join();
    }

    /**
     * Starts Chromium with a new profile under {@code dir} and connects to its browser endpoint.
     *
     * @param trusted the only certificate whose key the browser accepts besides the public roots
     */
    static Chromium start(Path dir, X509Certificate trusted) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir).resolve("profile-" + System.nanoTime());
        Files.createDirectories(profile);
        List<String> command = List.of(EXECUTABLE.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--ignore-certificate-errors-spki-list=" + spkiHash(trusted),
                "--window-size=1280,1800", "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            URI browser = awaitEndpoint(process, profile);
            return new Chromium(process, profile, HttpClient.newHttpClient().newWebSocketBuilder(), browser);
        } catch (IOException | RuntimeException | InterruptedException e) {
            destroyTree(process);
            throw e;
        }
    }

    /**
     * Base64 of SHA-256 over the DER SubjectPublicKeyInfo: the form {@code --ignore-certificate-errors-spki-list}
     * takes.
     */
    static String spkiHash(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chromium writes its port and browser path to {@code DevToolsActivePort} once it listens. */
    private static URI awaitEndpoint(Process process, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with code " + process.exitValue()
                        + " before opening its DevTools port; see chromium.log");
            }
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("chromium wrote no DevToolsActivePort within " + START_TIMEOUT.toSeconds()
                + " s");
    }

    /** Opens a new tab and attaches to it; commands to the page go through the returned session. */
    Page newPage() {
        String target = call(null, "Target.createTarget", Json.createObjectBuilder().add("url", "about:blank"))
                .getString("targetId");
        String session = call(null, "Target.attachToTarget", Json.createObjectBuilder().add("targetId", target)
                .add("flatten", true)).getString("sessionId");
        return new Page(session);
    }

    /** One attached tab. */
    final class Page {
        private final String session;

        private Page(String session) {
            this.session = session;
        }

        JsonObject call(String method, JsonObjectBuilder params) {
            return Chromium.this.call(session, method, params);
        }

        /** Events received for this tab so far, e.g. {@code Runtime.exceptionThrown}. */
        List<JsonObject> events(String method) {
            List<JsonObject> found = new ArrayList<>();
            for (JsonObject event : events) {
                if (session.equals(event.getString("sessionId", null)) && method.equals(event.getString("method"))) {
                    found.add(event.getJsonObject("params"));
                }
            }
            return found;
        }
    }

    private JsonObject call(String session, String method, JsonObjectBuilder params) {
        int id = ids.incrementAndGet();
        JsonObjectBuilder message = Json.createObjectBuilder().add("id", id).add("method", method)
                .add("params", params);
        if (session != null) {
            message.add("sessionId", session);
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        calls.put(id, answer);
        JsonObject response;
        try {
            synchronized (socket) {
                // One text message at a time: the WebSocket refuses a send while another is still in flight.
                socket.sendText(message.build().toString(), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + CALL_TIMEOUT.toSeconds() + " s",
                    e);
        } finally {
            calls.remove(id);
        }
        if (response.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + response.getJsonObject("error"));
        }
        return response.getJsonObject("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = Problem.json(partial.toString());
                partial.setLength(0);
                if (message.containsKey("id")) {
                    CompletableFuture<JsonObject> call = calls.get(message.getInt("id"));
                    if (call != null) {
                        call.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            call(null, "Browser.close", Json.createObjectBuilder());
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            // The browser may drop the connection before answering Browser.close; the tree is ended below anyway.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            destroyTree(process);
            deleteRecursively(profile);
        }
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
