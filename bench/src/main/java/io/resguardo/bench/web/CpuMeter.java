package io.resguardo.bench.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * CPU time between two instants ({@link System#nanoTime()} values): of the whole process and of a set of threads
 * (the load generator's), so the server's share can be told apart although both run in one JVM.
 */
final class CpuMeter {
    private final long from;
    private final long to;
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path flightRecording;
    private long processNanos;
    private long threadNanos;

    /** @param flightRecording where to write a JFR profile of the window, or {@code null} for none */
    CpuMeter(long from, long to, Path flightRecording) {
        this.from = from;
        this.to = to;
        this.flightRecording = flightRecording;
    }

    /** Blocks until {@code to}, sampling at both instants (and recording in between when asked). */
    void measure(List<Thread> threads) throws IOException, ParseException {
        sleepUntil(from);
        Recording recording = null;
        if (flightRecording != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setToDisk(true);
            recording.start();
        }
        long process = os.getProcessCpuTime();
        long thread = threadCpu(threads);
        sleepUntil(to);
        processNanos = os.getProcessCpuTime() - process;
        threadNanos = threadCpu(threads) - thread;
        if (recording != null) {
            recording.stop();
            recording.dump(flightRecording);
            recording.close();
        }
    }

    private long threadCpu(List<Thread> threads) {
        long sum = 0;
        for (Thread thread : threads) {
            long nanos = threadBean.getThreadCpuTime(thread.getId());
            sum += Math.max(0, nanos);
        }
        return sum;
    }

    private static void sleepUntil(long instant) {
        for (long wait = instant - System.nanoTime(); wait > 0; wait = instant - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    long processNanos() {
        return processNanos;
    }

    long threadNanos() {
        return threadNanos;
    }
}
