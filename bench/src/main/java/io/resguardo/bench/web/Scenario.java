package io.resguardo.bench.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The measurements run against one target: order creation, throughput, latency at a fixed rate. */
final class Scenario {
    private static final AtomicLong RUNS = new AtomicLong();

    private final Target target;
    private final java.nio.file.Path flightRecording;

    /** @param flightRecording where throughput runs write a JFR profile of their measured window, or {@code null} */
    Scenario(Target target, java.nio.file.Path flightRecording) {
        this.target = target;
        this.flightRecording = flightRecording;
    }

    /** Creates orders through the shop API and builds one signed {@code cip.paid} for each. */
    byte[][] notifications(int n, int connections) throws Exception {
        String prefix = "B" + System.currentTimeMillis() % 100_000 + "-" + RUNS.incrementAndGet() + "-";
        long started = System.nanoTime();
        List<Load.CreatedOrder> orders = target.load().createOrders(target.requests(), prefix, n, connections);
        double seconds = (System.nanoTime() - started) / 1e9;
        Report.line(String.format("orders created through the signed shop API: %,d in %.1f s (%,.0f/s)", n, seconds,
                n / seconds));
        byte[][] requests = new byte[n][];
        for (int i = 0; i < n; i++) {
            Load.CreatedOrder order = orders.get(i);
            requests[i] = target.requests().paidNotification(order.cip(), "OP-" + i, order.transactionCode());
        }
        return requests;
    }

    Load.Throughput throughput(int orders, int connections, Duration warmUp, Duration measure) throws Exception {
        byte[][] requests = notifications(orders, connections);
        Load.Throughput result = target.load().throughput(requests, connections, warmUp, measure, flightRecording);
        Report.line(String.format("throughput: %,.0f accepted notifications/s (%,d accepted, %,d errors in %.0f s "
                        + "after %d s warm-up; %d keep-alive TLS connections, closed loop; %,d requests sent)",
                result.perSecond(), result.accepted(), result.errors(), result.seconds(), warmUp.toSeconds(),
                connections, result.sent()));
        Report.line(String.format("   CPU per accepted notification: server %.0f us, load generator %.0f us "
                + "(process CPU %.2f cores busy)", result.serverCpuMicros(), result.clientCpuMicros(),
                result.processCpuNanos() / 1e9 / result.seconds()));
        Report.errors(result.errorKinds());
        if (flightRecording != null) {
            Report.line("   JFR profile of the measured window: " + flightRecording);
        }
        return result;
    }

    Load.Latency latency(double rate, Duration duration, int connections) throws Exception {
        int n = (int) Math.round(rate * duration.toSeconds());
        byte[][] requests = notifications(n, connections);
        Load.Latency result = target.load().openLoop(i -> requests[i], rate, duration, connections);
        Report.line(String.format("latency at %.0f/s offered for %d s (open loop, from planned send time, %d "
                        + "connections): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %,d sent, "
                        + "%,d errors, achieved %.0f/s", rate, duration.toSeconds(), connections, result.p50() / 1e3,
                result.p90() / 1e3, result.p99() / 1e3, result.p999() / 1e3, result.max() / 1e3, result.planned(),
                result.errors(), result.achievedPerSecond()));
        Report.errors(result.errorKinds());
        return result;
    }
}
