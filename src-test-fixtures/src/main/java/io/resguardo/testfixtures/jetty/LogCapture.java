package io.resguardo.testfixtures.jetty;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every {@code java.util.logging} record (and so every {@code System.Logger} record on the default
 * back end) published while it is open, from any thread, including those of a webapp in {@link EmbeddedJetty}.
 * Each record becomes one captured line: its formatted message, followed by the stack trace of its thrown
 * exception, if any, so that a secret in an exception message or cause is caught too.
 *
 * <p>Records of loggers under {@value #RESGUARDO_LOGGER} are captured from level FINE; other loggers keep their
 * configured levels. {@link #close()} removes the handler and restores the level it changed.
 */
public final class LogCapture implements AutoCloseable {
    /** The logger (and its children) opened to level FINE while capturing. */
    public static final String RESGUARDO_LOGGER = "io.resguardo";
    private static final int SHOWN_PREFIX = 3;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    // Held strongly: java.util.logging keeps loggers weakly, and a collected logger would forget its level.
    private final Logger resguardo = Logger.getLogger(RESGUARDO_LOGGER);
    private final Level previousResguardoLevel;
    private final Handler handler = new CapturingHandler();

    /** Starts capturing at once. */
    public LogCapture() {
        previousResguardoLevel = resguardo.getLevel();
        resguardo.setLevel(Level.FINE);
        root.addHandler(handler);
    }

    /** The lines captured so far, in publication order (a snapshot). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether any captured line contains {@code text}. */
    public boolean contains(String text) {
        Objects.requireNonNull(text, "text");
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    /**
     * Asserts that no captured line contains any of the {@code forbidden} values (secrets, tokens, personal data).
     * The error names each value by its first three characters only and masks it in the quoted lines, so a
     * failing test does not print the secret it caught.
     *
     * @throws AssertionError listing every forbidden value found and the lines it appeared in
     * @throws IllegalArgumentException for an empty forbidden value, which would match every line
     */
    public void assertNoneContain(String... forbidden) {
        List<String> findings = new ArrayList<>();
        List<String> snapshot = lines();
        for (String value : forbidden) {
            Objects.requireNonNull(value, "forbidden value");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("an empty forbidden value would match every line");
            }
            for (int i = 0; i < snapshot.size(); i++) {
                String line = snapshot.get(i);
                if (line.contains(value)) {
                    findings.add("value starting '" + prefix(value) + "' appeared in log line " + (i + 1) + ": "
                            + line.replace(value, masked(value)));
                }
            }
        }
        if (!findings.isEmpty()) {
            throw new AssertionError("forbidden values were logged:\n  " + String.join("\n  ", findings));
        }
    }

    /** Stops capturing and restores the level of {@value #RESGUARDO_LOGGER}. */
    @Override
    public void close() {
        root.removeHandler(handler);
        resguardo.setLevel(previousResguardoLevel);
    }

    private static String prefix(String value) {
        return value.substring(0, Math.min(SHOWN_PREFIX, value.length()));
    }

    private static String masked(String value) {
        return prefix(value) + "***";
    }

    private final class CapturingHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (record == null) {
                return;
            }
            StringBuilder line = new StringBuilder(String.valueOf(formatter.formatMessage(record)));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
