package io.resguardo.testfixtures.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogCaptureTest {
    private static final String SECRET = "sk_live_5f3c9a0d7e";

    @Test
    void capturesTheFormattedMessageAndTheStackTraceOfTheThrownException() {
        Logger logger = Logger.getLogger("io.resguardo.test.capture");
        try (LogCapture logs = new LogCapture()) {
            logger.log(Level.WARNING, "order {0} rejected", "T-1");
            logger.log(Level.SEVERE, "outbox failed", new IllegalStateException("database unreachable"));

            List<String> lines = logs.lines();
            assertEquals("order T-1 rejected", lines.get(0));
            assertTrue(lines.get(1).startsWith("outbox failed"), lines.get(1));
            assertTrue(lines.get(1).contains("java.lang.IllegalStateException: database unreachable"));
            assertTrue(lines.get(1).contains("at io.resguardo.testfixtures.jetty.LogCaptureTest"));
        }
    }

    @Test
    void capturesFineRecordsOfResguardoLoggersOnly() {
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger("io.resguardo.web.test").fine("resguardo detail");
            Logger.getLogger("org.example.test").fine("foreign detail");
            System.getLogger("io.resguardo.core.test").log(System.Logger.Level.DEBUG, "system logger detail");

            assertTrue(logs.contains("resguardo detail"));
            assertTrue(logs.contains("system logger detail"));
            assertFalse(logs.contains("foreign detail"));
        }
    }

    @Test
    void capturesRecordsFromOtherThreads() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Thread thread = new Thread(() -> Logger.getLogger("io.resguardo.test").info("from another thread"));
            thread.start();
            thread.join();

            assertTrue(logs.contains("from another thread"));
        }
    }

    @Test
    void aForbiddenValueIsReportedByItsFirstThreeCharactersOnly() {
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger("io.resguardo.test").info("harmless");
            Logger.getLogger("io.resguardo.test").info("signing with " + SECRET);

            AssertionError error = assertThrows(AssertionError.class,
                    () -> logs.assertNoneContain("j.doe@example.com", SECRET));

            assertTrue(error.getMessage().contains("value starting 'sk_' appeared in log line 2"), error.getMessage());
            assertTrue(error.getMessage().contains("signing with sk_***"), error.getMessage());
            assertFalse(error.getMessage().contains(SECRET), error.getMessage());
            assertFalse(error.getMessage().contains("j.d"), error.getMessage());
        }
    }

    @Test
    void aForbiddenValueInAnExceptionMessageIsFound() {
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger("io.resguardo.test").log(Level.WARNING, "call failed",
                    new RuntimeException("wrapper", new IllegalArgumentException("bad key " + SECRET)));

            assertThrows(AssertionError.class, () -> logs.assertNoneContain(SECRET));
        }
    }

    @Test
    void cleanLogsPass() {
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger("io.resguardo.test").info("key id k1 verified");

            logs.assertNoneContain(SECRET);
        }
    }

    @Test
    void anEmptyForbiddenValueIsRefused() {
        try (LogCapture logs = new LogCapture()) {
            assertThrows(IllegalArgumentException.class, () -> logs.assertNoneContain(""));
        }
    }

    @Test
    void closeStopsCapturingAndRestoresTheLevel() {
        Logger resguardo = Logger.getLogger(LogCapture.RESGUARDO_LOGGER);
        Level before = resguardo.getLevel();
        LogCapture logs = new LogCapture();
        assertEquals(Level.FINE, resguardo.getLevel());

        logs.close();
        Logger.getLogger("io.resguardo.test").warning("after close");

        assertEquals(before, resguardo.getLevel());
        assertFalse(logs.contains("after close"));
    }
}
