package io.resguardo.web.admin;

import io.resguardo.core.redact.Redactor;
import io.resguardo.core.secret.Secret;
import io.resguardo.web.log.SafeLog;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Proves that redaction is active: logs fresh random canary secrets (in the places a secret turns up: a JSON
 * member, a bearer token, a query parameter) and a configured key through a {@link SafeLog} built on the
 * application's redactor, into a handler of its own on a logger of its own that passes nothing to its parents, and
 * looks for them in what came out. Nothing it logs reaches a real log.
 */
final class RedactionCanary {
    /** The logger the canary goes through; no parent handler ever sees it. */
    static final String LOGGER = "io.resguardo.preflight.canary";

    enum Outcome { MASKED, LEAKED, NOT_OBSERVED }

    private final Redactor redactor;
    private final SecureRandom random = new SecureRandom();

    RedactionCanary(Redactor redactor) {
        this.redactor = redactor;
    }

    Outcome probe(Secret configured) {
        List<String> canaries = List.of(randomToken(), randomToken(), randomToken());
        byte[] key = configured.revealBytes();
        String keyText = new String(key, StandardCharsets.UTF_8);
        Arrays.fill(key, (byte) 0);
        String message = "preflight canary {\"secretKey\":\"" + canaries.get(0) + "\"} Authorization: Bearer "
                + canaries.get(1) + " /v1/cips?token=" + canaries.get(2) + " key " + keyText;
        // A strong reference: java.util.logging holds loggers weakly, and this one carries our settings.
        Logger logger = Logger.getLogger(LOGGER);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        Capture capture = new Capture();
        logger.addHandler(capture);
        try {
            new SafeLog(LOGGER, redactor).info(message);
        } finally {
            logger.removeHandler(capture);
        }
        for (String line : capture.lines) {
            if (line.contains(keyText) || canaries.stream().anyMatch(line::contains)) {
                return Outcome.LEAKED;
            }
        }
        return capture.lines.stream().anyMatch(l -> l.contains("preflight canary")) ? Outcome.MASKED
                : Outcome.NOT_OBSERVED;
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the formatted messages; concurrent probes each look for their own canaries. */
    private static final class Capture extends Handler {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
