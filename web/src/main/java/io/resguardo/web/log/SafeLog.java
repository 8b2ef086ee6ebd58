package io.resguardo.web.log;

import io.resguardo.core.redact.Redactor;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@code java.util.logging} logger that cannot leak: every message goes through the redactor (known secrets,
 * e-mails, phones, document numbers, tokens, signatures), control characters are escaped so no value can forge a
 * line, messages are capped, and the request id is prefixed. Throwables are never logged with their messages or
 * stack traces (driver and parser messages quote data): only their class name.
 */
public final class SafeLog {
    static final int MAX_CHARS = 2000;

    private final Logger logger;
    private final Redactor redactor;
    private final String sourceClass;
    private final String sourceMethod;

    public SafeLog(String name, Redactor redactor) {
        this.logger = Logger.getLogger(name);
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        int dot = name.lastIndexOf('.');
        this.sourceClass = dot > 0 ? name.substring(0, dot) : name;
        this.sourceMethod = dot > 0 ? name.substring(dot + 1) : "";
    }

    public boolean isLoggable(Level level) {
        return logger.isLoggable(level);
    }

    public void log(Level level, String message) {
        if (logger.isLoggable(level)) {
            // The logger's own name as the source, split at its last dot into "class" and "method": formatters that
            // print class.method (Tomcat's OneLineFormatter) then show "io.resguardo.access", not this class or "null".
            logger.logp(level, sourceClass, sourceMethod,
                    "[" + LogContext.requestId() + "] " + redactor.redactForLog(message, MAX_CHARS));
        }
    }

    public void log(Level level, String message, Throwable thrown) {
        log(level, message + " (" + thrown.getClass().getName() + ")");
    }

    public void info(String message) {
        log(Level.INFO, message);
    }

    public void warning(String message) {
        log(Level.WARNING, message);
    }

    public void severe(String message) {
        log(Level.SEVERE, message);
    }

    public void fine(String message) {
        log(Level.FINE, message);
    }
}
