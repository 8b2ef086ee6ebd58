package io.resguardo.sql.outbox;

/** Where an event stands. */
public enum OutboxStatus {
    /** Waiting for (another) delivery attempt. */
    PENDING,
    /** The shop answered 2xx. */
    DELIVERED,
    /** Retries ran out; only a manual redeliver sends it again. */
    DEAD
}
