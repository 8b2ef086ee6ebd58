package io.resguardo.bench.web;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

/**
 * What Resguardo's filter chain costs on the webhook path: the same {@code NotificationServlet} (built as Bootstrap
 * builds it) in a Jetty {@code ServletContextHandler}, (a) alone and (b) behind the eight filters, alternating
 * a, b, a, b... each round on a fresh database with fresh orders, same load as {@link NotificationLoad}'s
 * throughput run. The access log is at WARNING, as in the main figures.
 *
 * <p>Options: {@code --rounds N} (2 per variant), {@code --connections N} (32), {@code --warmup S} (10),
 * {@code --duration S} (15), {@code --orders N} (250000), {@code --db} and {@code --pool} as for
 * {@link NotificationLoad}.
 */
public final class FilterOverhead {
    private FilterOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int rounds = options.integer("rounds", 2);
        int connections = options.integer("connections", 32);
        Duration warmUp = Duration.ofSeconds(options.integer("warmup", 10));
        Duration measure = Duration.ofSeconds(options.integer("duration", 15));
        int orders = options.integer("orders", 250_000);
        String db = options.text("db", "h2");
        int pool = options.integer("pool", 0);

        Path scratch = Files.createTempDirectory("resguardo-filters-");
        BenchLogging logging = new BenchLogging(scratch.resolve("resguardo.log"));
        logging.accessLog(Level.WARNING);
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(scratch.resolve("tls"));
        Report.header("web: filter chain overhead on the webhook path", LocalDate.now().toString());
        List<Load.Throughput> bare = new ArrayList<>();
        List<Load.Throughput> chained = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                for (boolean filters : new boolean[] {false, true}) {
                    Path home = Files.createTempDirectory(scratch, "home-");
                    try (HandlerTarget target = HandlerTarget.start(filters, home, new DatabaseChoice(db, pool),
                            certificate)) {
                        Report.line("");
                        Report.line("== round " + (round + 1) + ": " + target.describe() + "; access log at "
                                + logging.accessLevel());
                        Load.Throughput result = new Scenario(target, null).throughput(orders, connections, warmUp,
                                measure);
                        (filters ? chained : bare).add(result);
                    } finally {
                        delete(home);
                    }
                }
            }
        } finally {
            delete(scratch);
        }
        double a = mean(bare, Load.Throughput::perSecond);
        double b = mean(chained, Load.Throughput::perSecond);
        double cpuA = mean(bare, Load.Throughput::serverCpuMicros);
        double cpuB = mean(chained, Load.Throughput::serverCpuMicros);
        Report.line("");
        Report.line(String.format("(a) servlet alone: %,.0f accepted/s, server CPU %.0f us per notification "
                + "(mean of %d)", a, cpuA, bare.size()));
        Report.line(String.format("(b) behind the filters: %,.0f accepted/s, server CPU %.0f us per notification "
                + "(mean of %d)", b, cpuB, chained.size()));
        Report.line(String.format("filter overhead: throughput %.1f%% lower; %.0f us (%.1f%%) more server CPU per "
                + "notification", 100 * (a - b) / a, cpuB - cpuA, 100 * (cpuB - cpuA) / cpuA));
    }

    private static double mean(List<Load.Throughput> runs, java.util.function.ToDoubleFunction<Load.Throughput> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static void delete(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
