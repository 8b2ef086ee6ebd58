package io.resguardo.bench.web;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

/**
 * End-to-end benchmark of {@code POST /webhooks/pagoefectivo} on the packaged WAR (BENCHMARKS.md, "web:
 * notifications end to end"). For each access-log level asked for, a fresh deployment: orders created through the
 * signed shop API, then (1) throughput: keep-alive HTTPS connections in a closed loop posting valid signed
 * {@code cip.paid} notifications, each for another order, so every one is a real ACCEPTED transaction; and (2)
 * latency: the same at a fixed offered rate, open loop.
 *
 * <p>Options: {@code --war PATH} (default {@code web/target/resguardo.war}), {@code --connections N} (32),
 * {@code --warmup S} (10), {@code --duration S} (20), {@code --orders N} (orders for the throughput run, 60000:
 * the built-in sandbox keeps at most 100000 CIPs),
 * {@code --rate R} (500), {@code --latency-seconds S} (20), {@code --latency-connections N} (32),
 * {@code --access-log warning,info}, {@code --db h2|postgresql|url:<jdbc url>} (see {@link DatabaseChoice}),
 * {@code --pool N} (Resguardo's default), {@code --profile FILE.jfr} (a JFR profile of each measured throughput
 * window; {@code {level}} in the name stands for the access-log level).
 */
public final class NotificationLoad {
    private NotificationLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path war = Path.of(options.text("war", "web/target/resguardo.war"));
        int connections = options.integer("connections", 32);
        Duration warmUp = Duration.ofSeconds(options.integer("warmup", 10));
        Duration measure = Duration.ofSeconds(options.integer("duration", 20));
        int orders = options.integer("orders", 60_000);
        double rate = options.integer("rate", 500);
        Duration latencySeconds = Duration.ofSeconds(options.integer("latency-seconds", 20));
        int latencyConnections = options.integer("latency-connections", 32);
        String db = options.text("db", "h2");
        int pool = options.integer("pool", 0);
        String profile = options.text("profile", "");
        List<String> levels = List.of(options.text("access-log", "warning,info").split(","));

        Path logFile = Files.createTempFile("resguardo-bench-", ".log");
        BenchLogging logging = new BenchLogging(logFile);
        Report.header("web: notifications end to end", LocalDate.now().toString());
        Report.line("JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, args " + ManagementFactory.getRuntimeMXBean()
                .getInputArguments());
        Report.line("JUL to " + logFile + " (FileHandler); load generator in the same JVM");
        for (String name : levels) {
            Level level = Level.parse(name.strip().toUpperCase(Locale.ROOT));
            logging.accessLog(level);
            Path home = WarTarget.freshHome();
            try (WarTarget target = WarTarget.start(war, home, new DatabaseChoice(db, pool))) {
                Report.line("");
                Report.line("== " + target.describe() + "; access log " + BenchLogging.ACCESS_LOGGER + " at "
                        + logging.accessLevel());
                Scenario scenario = new Scenario(target, profile.isEmpty() ? null
                        : Path.of(profile.replace("{level}", level.getName().toLowerCase(Locale.ROOT))));
                scenario.throughput(orders, connections, warmUp, measure);
                if (!latencySeconds.isZero()) {
                    scenario.latency(rate, latencySeconds, latencyConnections);
                }
            } finally {
                Files.walk(home).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
