package io.resguardo.testfixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task body on several threads at once, for thread-safety tests. */
public final class Concurrently {
    /** The body one thread runs, given its index; returns a count the caller sums. */
    @FunctionalInterface
    public interface Task {
        int run(int thread) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Runs {@code task} on {@code threads} threads and sums what they return.
     *
     * @throws Exception the first failure of any thread
     */
    public static int sum(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                tasks.add(() -> task.run(index));
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
