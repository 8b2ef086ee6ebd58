package io.resguardo.web.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One copy of one notification on its way to the webhook, and how it went: shown on the CIP's page so that a
 * developer sees what the sandbox sent without reading its log. Thread-safe.
 */
final class Delivery {
    /** Where a delivery stands. */
    enum Outcome {
        /** Waiting for its first or next attempt. */
        SCHEDULED,
        /** Answered with a 2xx. */
        DELIVERED,
        /** Answered with a 4xx other than 429: final, never retried. */
        REJECTED,
        /** Every attempt failed (connection, timeout, 5xx, 429, 3xx). */
        GAVE_UP,
        /** Not sent, by the {@code dropNotifications} fault. */
        DROPPED,
        /** Not sent further because the scheduler was shut down or the sending thread interrupted. */
        ABANDONED
    }

    private final String eventType;
    private final String operationNumber;
    private final int copy;
    private final boolean correctlySigned;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile int lastStatus;
    private volatile String lastError = "";
    private volatile Outcome outcome;

    Delivery(String eventType, String operationNumber, int copy, boolean correctlySigned, Outcome outcome) {
        this.eventType = eventType;
        this.operationNumber = operationNumber;
        this.copy = copy;
        this.correctlySigned = correctlySigned;
        this.outcome = outcome;
    }

    String eventType() {
        return eventType;
    }

    int copy() {
        return copy;
    }

    int attempts() {
        return attempts.get();
    }

    int lastStatus() {
        return lastStatus;
    }

    Outcome outcome() {
        return outcome;
    }

    /**
     * Records one attempt; {@code status} 0 means no HTTP answer, and {@code error} then names the exception class
     * (its message is not kept: it may quote addresses or certificate details).
     */
    int attempted(int status, String error) {
        lastStatus = status;
        lastError = error;
        return attempts.incrementAndGet();
    }

    String lastError() {
        return lastError;
    }

    void finish(Outcome result) {
        outcome = result;
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("eventType", eventType)
                .add("operationNumber", operationNumber)
                .add("copy", copy)
                .add("correctlySigned", correctlySigned)
                .add("attempts", attempts.get())
                .add("lastStatus", lastStatus)
                .add("lastError", lastError)
                .add("outcome", outcome.name())
                .build();
    }
}
