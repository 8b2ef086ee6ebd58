package io.resguardo.bench.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends {@code java.util.logging} to a file, as a container's log configuration would (a console handler would
 * measure the terminal), and holds the access logger so its level stays set (JUL keeps loggers only weakly).
 */
final class BenchLogging {
    /** Resguardo's access log: one INFO record per request unless set to WARNING. */
    static final String ACCESS_LOGGER = "io.resguardo.access";

    private final Logger root = Logger.getLogger("");
    private final Logger access = Logger.getLogger(ACCESS_LOGGER);
    private final Path file;

    BenchLogging(Path file) {
        this.file = file;
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            FileHandler handler = new FileHandler(file.toString(), false);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.setLevel(Level.INFO);
    }

    void accessLog(Level level) {
        access.setLevel(level);
    }

    Level accessLevel() {
        return access.getLevel();
    }

    Path file() {
        return file;
    }
}
