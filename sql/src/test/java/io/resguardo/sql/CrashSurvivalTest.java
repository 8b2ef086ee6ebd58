package io.resguardo.sql;

import io.resguardo.core.audit.ChainVerification;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The embedded default keeps what it confirmed when the JVM is killed outright (SIGKILL: no shutdown hook, no
 * close), which is what the group flush of the embedded default is for ({@code GroupFlush}, {@code H2Flush}: without
 * it, H2 keeps commits in memory for up to half a second and this test fails). A child JVM
 * ({@link CrashChild}) commits a paid order and announces it; it is killed on the announcement; the next opening of
 * the same data directory must find the payment, its shop event and an intact audit chain. Several rounds, each
 * killing right after a different commit, on one data directory that keeps everything earlier rounds committed.
 */
class CrashSurvivalTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final int KILLS = 5;
    /** Generous for a JVM start, H2 open and three transactions on a slow machine; a hang fails instead. */
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(60);
    /** Linux reports a process killed by signal 9 as 128 + 9. */
    private static final int KILLED_BY_SIGKILL = 137;
    /** Entries per round: order created, CIP issued, order paid. */
    private static final int AUDIT_ENTRIES_PER_ORDER = 3;

    @Test
    void everyPaymentCommittedBeforeSigkillIsStillThereWithItsEventAndAuditEntry() throws Exception {
        Path home = DATABASES.create(Engine.H2).home();
        for (int round = 1; round <= KILLS; round++) {
            killRightAfterCommit(home, round);
            try (Database db = Database.open(DatabaseSettings.embedded(home), Clock.systemUTC())) {
                for (int earlier = 1; earlier <= round; earlier++) {
                    assertPaidWithItsEvent(db, earlier);
                }
                ChainVerification audit = db.audit().verify();
                assertTrue(audit.intact(), "audit chain broken at " + audit.firstBrokenSequence());
                assertEquals((long) AUDIT_ENTRIES_PER_ORDER * round, audit.entries());
            }
        }
    }

    private static String transactionCode(int round) {
        return "CRASH-" + round;
    }

    private static String cip(int round) {
        return "9900000" + round;
    }

    private static String operationNumber(int round) {
        return "OP-" + round;
    }

    private static void killRightAfterCommit(Path home, int round) throws Exception {
        Path stderr = home.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), home.toString(), transactionCode(round), cip(round),
                operationNumber(round))
                .redirectError(stderr.toFile())
                .start();
        try {
            String announced = awaitAnnouncement(child, stderr);
            assertEquals(CrashChild.COMMITTED + transactionCode(round), announced);
            child.destroyForcibly();
            assertTrue(child.waitFor(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS), "killed child did not exit");
            assertEquals(KILLED_BY_SIGKILL, child.exitValue(), "the child must die by SIGKILL, not exit by itself");
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child's {@code COMMITTED} line, read with a deadline: a child that hangs or dies fails the test. */
    private static String awaitAnnouncement(Process child, Path stderr) throws Exception {
        FutureTask<String> reading = new FutureTask<>(() -> firstCommittedLine(child));
        Thread reader = new Thread(reading, "crash-child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = reading.get(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                child.waitFor(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                fail("child ended without committing (" + exitStatus(child) + "): " + tail(stderr));
            }
            return line;
        } catch (TimeoutException e) {
            child.destroyForcibly();
            return fail("child did not commit within " + CHILD_DEADLINE + ": " + tail(stderr));
        } catch (ExecutionException e) {
            return fail("reading the child's output failed: " + tail(stderr), e.getCause());
        }
    }

    private static String firstCommittedLine(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(CrashChild.COMMITTED)) {
                return line;
            }
        }
        return null;
    }

    private static String exitStatus(Process child) {
        return child.isAlive() ? "still running" : "exit " + child.exitValue();
    }

    private static String tail(Path stderr) throws IOException {
        String text = Files.readString(stderr, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void assertPaidWithItsEvent(Database db, int round) throws Exception {
        Order order = db.orders().findByTransactionCode(transactionCode(round)).orElseThrow(
                () -> new AssertionError("order of round " + round + " lost"));
        assertEquals(OrderStatus.PAID, order.status(), "order of round " + round);
        assertEquals(Optional.of(operationNumber(round)), order.operationNumber());
        assertEquals(1L, Fixtures.count(db, "SELECT COUNT(*) FROM notifications WHERE cip = ? AND outcome = ?",
                cip(round), "ACCEPTED"));
        List<OutboxEvent> events = db.outbox().list(Optional.empty(), 1000).stream()
                .filter(e -> e.transactionCode().equals(transactionCode(round)))
                .toList();
        assertEquals(1, events.size(), "shop events of round " + round);
        assertEquals("payment.succeeded", events.get(0).eventType());
    }
}
