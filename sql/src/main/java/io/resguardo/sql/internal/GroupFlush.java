package io.resguardo.sql.internal;

import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed transactions durable in groups (group commit at the storage level).
 *
 * <p>A caller that has just committed calls {@link #awaitDurable} and returns only once a flush that <em>began
 * after</em> that call has finished, so everything it committed, and everything it read that others had committed,
 * is in the file. Whoever finds no flush running does the flush for everyone who arrived before it started; the
 * others wait for it, or for the next one when they came too late for the one running. With one caller this is one
 * flush per transaction, as before; with many, one flush serves all who committed while the previous one ran.
 *
 * <p>A failed flush is the failing caller's exception; those it would have covered try again themselves, so no
 * caller returns without a successful flush that covers it.
 */
public final class GroupFlush {
    /** Writes everything committed so far to the file. */
    @FunctionalInterface
    public interface Flush {
        void flush() throws SQLException;
    }

    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    /** Tickets handed out so far: one per {@link #awaitDurable} call. */
    private long issued;
    /** Every ticket up to this one is covered by a finished flush. */
    private long covered;
    private boolean flushing;

    public GroupFlush(Flush flush) {
        this.flush = Objects.requireNonNull(flush, "flush");
    }

    /**
     * Returns once everything committed before this call is in the file. Call it after giving the transaction's
     * connection back: a caller waiting here must not hold one (see {@link Transactions}).
     */
    public void awaitDurable() throws SQLException {
        lock.lock();
        try {
            long ticket = ++issued;
            while (covered < ticket) {
                if (flushing) {
                    finished.awaitUninterruptibly();
                } else {
                    flushFor(issued);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; releases it for the length of the flush. */
    private void flushFor(long upTo) throws SQLException {
        flushing = true;
        boolean done = false;
        lock.unlock();
        try {
            flush.flush();
            done = true;
        } finally {
            lock.lock();
            flushing = false;
            if (done) {
                covered = Math.max(covered, upTo);
            }
            finished.signalAll();
        }
    }
}
