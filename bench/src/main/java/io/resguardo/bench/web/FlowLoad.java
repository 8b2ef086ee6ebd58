package io.resguardo.bench.web;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;

/**
 * The PagoEfectivo flow on the packaged WAR with its in-process sandbox (BENCHMARKS.md, "web: the sandbox flow"):
 * (a) orders created per second through the signed shop API over HTTPS, each one validated, given a CIP by the
 * sandbox and stored; (b) the time from {@code POST /sandbox/cips/{cip}/pay} leaving the load generator to the
 * signed {@code payment.succeeded} callback arriving at a local shop receiver: the sandbox's notification, the
 * webhook's verification and ledger transaction, the outbox and the shop callback.
 *
 * <p>Options: {@code --war PATH} (default {@code web/target/resguardo.war}), {@code --connections N} (16),
 * {@code --warmup-orders N} (2000), {@code --orders N} (10000), {@code --payments N} (500), {@code --pay-rate R}
 * (payments per second, open loop, 20), {@code --db h2|postgresql|url:<jdbc url>} (see {@link DatabaseChoice}).
 */
public final class FlowLoad {
    private FlowLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path war = Path.of(options.text("war", "web/target/resguardo.war"));
        int connections = options.integer("connections", 16);
        int warmUpOrders = options.integer("warmup-orders", 2000);
        int orders = options.integer("orders", 10_000);
        int payments = options.integer("payments", 500);
        int payRate = options.integer("pay-rate", 20);
        String db = options.text("db", "h2");

        Path logFile = Files.createTempFile("resguardo-flow-bench-", ".log");
        BenchLogging logging = new BenchLogging(logFile);
        logging.accessLog(Level.WARNING);
        Report.header("web: the sandbox flow", LocalDate.now().toString());
        Report.line("JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage()
                + " before start, args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        Report.line("JUL to " + logFile + " (access log at WARNING); load generator and shop receiver in the same JVM");
        Path home = WarTarget.freshHome();
        try (CallbackReceiver receiver = new CallbackReceiver();
             WarTarget target = WarTarget.start(war, home, new DatabaseChoice(db, 0), Map.of(
                     "RESGUARDO_SHOP_WEBHOOK_URL", receiver.url(),
                     "RESGUARDO_SHOP_WEBHOOK_SECRET", receiver.secret.revealEncoded()))) {
            Report.line("== " + target.describe() + ", in-process sandbox, shop callbacks to " + receiver.url());
            orderCreation(target, warmUpOrders, orders, connections);
            payToCallback(target, receiver, payments, payRate);
            Report.line("load average after: " + loadAverage());
        } finally {
            try (var paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void orderCreation(WarTarget target, int warmUp, int n, int connections) throws Exception {
        target.load().createOrders(target.requests(), "W" + System.currentTimeMillis() % 100_000 + "-", warmUp,
                connections);
        long started = System.nanoTime();
        target.load().createOrders(target.requests(), "C" + System.currentTimeMillis() % 100_000 + "-", n,
                connections);
        double seconds = (System.nanoTime() - started) / 1e9;
        Report.line(String.format("(a) orders created (signed POST /api/v1/orders, CIP from the sandbox, stored): "
                        + "%,d in %.1f s = %,.0f orders/s (%d keep-alive TLS connections, closed loop, after %,d "
                        + "warm-up orders)", n, seconds, n / seconds, connections, warmUp));
    }

    private static void payToCallback(WarTarget target, CallbackReceiver receiver, int n, int rate) throws Exception {
        List<Load.CreatedOrder> created = target.load().createOrders(target.requests(),
                "P" + System.currentTimeMillis() % 100_000 + "-", n, 4);
        long[] sent = new long[n];
        long period = Duration.ofSeconds(1).toNanos() / rate;
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
        try (TlsConnection connection = target.load().open()) {
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                sent[i] = System.nanoTime();
                TlsConnection.Response response = connection.exchange(
                        target.requests().sandboxPay(created.get(i).cip()));
                if (response.status() != 202) {
                    throw new IllegalStateException("pay answered " + response.status() + " " + response.text());
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            Long arrived;
            while ((arrived = receiver.arrival(created.get(i).transactionCode())) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("callback for payment " + i + " not received within 60 s");
                }
                Thread.sleep(10);
            }
            latencies[i] = (arrived - sent[i]) / 1000;
        }
        Arrays.sort(latencies);
        Report.line(String.format("(b) pay to shop callback, %d payments at %d/s (open loop, one connection): "
                        + "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, min %.0f ms; %d callbacks rejected, "
                        + "%d repeated", n, rate, percentile(latencies, 50) / 1e3, percentile(latencies, 90) / 1e3,
                percentile(latencies, 99) / 1e3, latencies[n - 1] / 1e3, latencies[0] / 1e3, receiver.rejected(),
                receiver.repeated()));
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("%.2f", os.getSystemLoadAverage());
    }
}
