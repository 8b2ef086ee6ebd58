package io.resguardo.bench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * The load generator: a fixed set of keep-alive TLS connections, one blocking thread each, sending requests built in
 * advance. Closed loop for throughput (each connection sends its next request when the answer came), open loop for
 * latency (requests leave at planned times, and latency counts from the planned time, so a stalled server is not
 * hidden by the generator waiting for it: no coordinated omission).
 */
final class Load {
    static final byte[] ACCEPTED = "\"status\":\"ACCEPTED\"".getBytes(StandardCharsets.US_ASCII);

    private final SSLContext tls;
    private final String host;
    private final int port;

    Load(SSLContext tls, String host, int port) {
        this.tls = tls;
        this.host = host;
        this.port = port;
    }

    TlsConnection open() throws IOException {
        return new TlsConnection(tls, host, port);
    }

    /** An order as created through the shop API. */
    record CreatedOrder(String transactionCode, String cip) {
    }

    /**
     * Creates {@code n} orders through the signed shop API over {@code connections} parallel connections and
     * returns them with their CIPs, in no particular order.
     */
    List<CreatedOrder> createOrders(Requests requests, String prefix, int n, int connections) throws Exception {
        CreatedOrder[] created = new CreatedOrder[n];
        AtomicInteger next = new AtomicInteger();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        run(connections, connection -> {
            byte[] cipKey = "\"cip\":\"".getBytes(StandardCharsets.US_ASCII);
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                String code = prefix + i;
                TlsConnection.Response response = connection.exchange(
                        requests.createOrder(code, System.currentTimeMillis() / 1000));
                if (response.status() != 201) {
                    failures.computeIfAbsent(response.status() + " " + response.text(), k -> new LongAdder())
                            .increment();
                    continue;
                }
                String text = response.text();
                int at = text.indexOf("\"cip\":\"");
                int end = text.indexOf('"', at + cipKey.length);
                created[i] = new CreatedOrder(code, text.substring(at + cipKey.length, end));
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException("order creation failed: " + failures);
        }
        return Arrays.asList(created);
    }

    /**
     * What a throughput run measured. CPU time during the measured window: the whole process (server and load
     * generator share the JVM) and the load generator's threads alone, in nanoseconds.
     */
    record Throughput(long accepted, long errors, Map<String, Long> errorKinds, double seconds, long sent,
                      long processCpuNanos, long clientCpuNanos) {
        double perSecond() {
            return accepted / seconds;
        }

        /** Server CPU per accepted notification, microseconds (process minus load generator). */
        double serverCpuMicros() {
            return (processCpuNanos - clientCpuNanos) / 1e3 / Math.max(1, accepted);
        }

        double clientCpuMicros() {
            return clientCpuNanos / 1e3 / Math.max(1, accepted);
        }
    }

    /**
     * Closed loop over {@code connections}: each request is used once, in order; responses completing during the
     * first {@code warmUp} are not counted, then those of the next {@code measure} are. Only {@code 200} with
     * {@code "status":"ACCEPTED"} counts as accepted; anything else is an error.
     *
     * @param flightRecording where to write a JFR profile of the measured window, or {@code null}
     * @throws IllegalStateException when the requests ran out before the end (give more orders)
     */
    Throughput throughput(byte[][] requests, int connections, Duration warmUp, Duration measure,
                          java.nio.file.Path flightRecording) throws Exception {
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        LongAdder errors = new LongAdder();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
        long measureStart = start + warmUp.toNanos();
        long measureEnd = measureStart + measure.toNanos();
        CpuMeter cpu = new CpuMeter(measureStart, measureEnd, flightRecording);
        run(connections, cpu, connection -> {
            LockSupport.parkNanos(start - System.nanoTime());
            while (true) {
                int i = next.getAndIncrement();
                if (i >= requests.length) {
                    throw new IllegalStateException("ran out of orders after " + requests.length + " requests");
                }
                TlsConnection.Response response = connection.exchange(requests[i]);
                long done = System.nanoTime();
                if (done >= measureEnd) {
                    return;
                }
                if (done >= measureStart) {
                    if (response.status() == 200 && response.bodyContains(ACCEPTED)) {
                        accepted.increment();
                    } else {
                        errors.increment();
                        kinds.computeIfAbsent(response.status() + " " + response.text(), k -> new LongAdder())
                                .increment();
                    }
                }
            }
        });
        return new Throughput(accepted.sum(), errors.sum(), sums(kinds), measure.toNanos() / 1e9, next.get(),
                cpu.processNanos(), cpu.threadNanos());
    }

    /** What an open-loop run measured; latencies in microseconds from the planned send time. */
    record Latency(int planned, long errors, Map<String, Long> errorKinds, long p50, long p90, long p99, long p999,
                   long max, double achievedPerSecond) {
    }

    /**
     * Open loop: request {@code i} is due at {@code start + i / rate}; a free connection sends it at that time (or
     * as soon as one is free when the server lags, the lag counting as latency). Uses {@code rate × duration}
     * requests from {@code requests(i)}.
     */
    Latency openLoop(IntFunction<byte[]> requests, double ratePerSecond, Duration duration, int connections)
            throws Exception {
        int planned = (int) Math.round(ratePerSecond * duration.toNanos() / 1e9);
        long period = Math.round(1e9 / ratePerSecond);
        long[] latencies = new long[planned];
        AtomicInteger next = new AtomicInteger();
        LongAdder errors = new LongAdder();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        AtomicLong lastDone = new AtomicLong();
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
        run(connections, connection -> {
            for (int i = next.getAndIncrement(); i < planned; i = next.getAndIncrement()) {
                long due = start + i * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                TlsConnection.Response response = connection.exchange(requests.apply(i));
                long done = System.nanoTime();
                latencies[i] = (done - due) / 1000;
                lastDone.accumulateAndGet(done, Math::max);
                if (response.status() != 200 || !response.bodyContains(ACCEPTED)) {
                    errors.increment();
                    kinds.computeIfAbsent(response.status() + " " + response.text(), k -> new LongAdder()).increment();
                }
            }
        });
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double seconds = (lastDone.get() - start) / 1e9;
        return new Latency(planned, errors.sum(), sums(kinds), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), percentile(sorted, 99.9), sorted[sorted.length - 1], planned / seconds);
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k.length() > 160 ? k.substring(0, 160) + "…" : k, v.sum()));
        return out;
    }

    /** Work done on one connection by one thread. */
    @FunctionalInterface
    interface ConnectionWork {
        void run(TlsConnection connection) throws Exception;
    }

    private void run(int connections, ConnectionWork work) throws Exception {
        run(connections, null, work);
    }

    /**
     * Opens the connections first (handshakes outside any measurement), then runs the work on each, and waits;
     * the meter, if any, samples CPU time of the process and of these threads at its two instants meanwhile.
     */
    private void run(int connections, CpuMeter meter, ConnectionWork work) throws Exception {
        List<TlsConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                open.add(open());
            }
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (TlsConnection connection : open) {
                Thread thread = new Thread(() -> {
                    try {
                        work.run(connection);
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "load-" + threads.size());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            if (meter != null) {
                meter.measure(threads);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                Exception failure = new IllegalStateException("load thread failed: " + failures.get(0),
                        failures.get(0));
                failures.stream().skip(1).limit(3).forEach(failure::addSuppressed);
                throw failure;
            }
        } finally {
            open.forEach(TlsConnection::close);
        }
    }
}
