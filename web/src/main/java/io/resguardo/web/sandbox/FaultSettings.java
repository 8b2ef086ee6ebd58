package io.resguardo.web.sandbox;

import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;
import io.resguardo.core.validation.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The switchable faults of the sandbox, immutable.
 *
 * @param latencyMs          added before every {@code /v1} answer
 * @param failCreates        how many of the next CIP creations answer {@code 500 166} without creating anything
 * @param timeoutAfterCreate every CIP creation stores the CIP, then waits {@code stallMs} before answering
 * @param stallMs            that wait: longer than the client's timeout
 * @param dropNotifications  notifications are not sent at all
 * @param notificationCopies how many times each notification is sent (1 normally; 2 or more duplicates it)
 * @param wrongSignature     notifications are signed with a random key instead of the secret key
 */
record FaultSettings(int latencyMs, int failCreates, boolean timeoutAfterCreate, int stallMs,
                     boolean dropNotifications, int notificationCopies, boolean wrongSignature) {
    static final int MAX_LATENCY_MS = 60_000;
    static final int MAX_FAIL_CREATES = 1_000;
    static final int DEFAULT_STALL_MS = 60_000;
    static final int MAX_STALL_MS = 600_000;
    static final int MAX_COPIES = 10;
    private static final Set<String> NAMES = Set.of("latencyMs", "failCreates", "timeoutAfterCreate", "stallMs",
            "dropNotifications", "duplicateNotifications", "wrongSignature");
    static final FaultSettings NONE = new FaultSettings(0, 0, false, DEFAULT_STALL_MS, false, 1, false);

    FaultSettings withFailCreates(int n) {
        return new FaultSettings(latencyMs, n, timeoutAfterCreate, stallMs, dropNotifications, notificationCopies,
                wrongSignature);
    }

    /**
     * These settings with the members of {@code update} applied; members left out keep their value.
     * {@code duplicateNotifications} takes {@code true} (two copies), {@code false} (one) or the number of copies.
     *
     * @throws ValidationException naming every unknown member, wrong type or value out of range
     */
    FaultSettings merge(JsonObject update) throws ValidationException {
        List<FieldError> errors = new ArrayList<>();
        for (String name : update.keySet()) {
            if (!NAMES.contains(name)) {
                errors.add(new FieldError(name, FieldErrorCode.NOT_ALLOWED, name + " is not a fault of the sandbox"));
            }
        }
        int latency = integer(update, "latencyMs", latencyMs, MAX_LATENCY_MS, errors);
        int fails = integer(update, "failCreates", failCreates, MAX_FAIL_CREATES, errors);
        boolean stall = bool(update, "timeoutAfterCreate", timeoutAfterCreate, errors);
        int stallFor = integer(update, "stallMs", stallMs, MAX_STALL_MS, errors);
        boolean drop = bool(update, "dropNotifications", dropNotifications, errors);
        int copies = copies(update, errors);
        boolean wrong = bool(update, "wrongSignature", wrongSignature, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new FaultSettings(latency, fails, stall, stallFor, drop, copies, wrong);
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("latencyMs", latencyMs)
                .add("failCreates", failCreates)
                .add("timeoutAfterCreate", timeoutAfterCreate)
                .add("stallMs", stallMs)
                .add("dropNotifications", dropNotifications)
                .add("duplicateNotifications", notificationCopies > 1)
                .add("notificationCopies", notificationCopies)
                .add("wrongSignature", wrongSignature)
                .build();
    }

    private int copies(JsonObject update, List<FieldError> errors) {
        JsonValue value = update.get("duplicateNotifications");
        if (value == null) {
            return notificationCopies;
        }
        return switch (value.getValueType()) {
            case TRUE -> 2;
            case FALSE -> 1;
            case NUMBER -> {
                int n = integer(update, "duplicateNotifications", notificationCopies, MAX_COPIES, errors);
                if (n < 1) {
                    errors.add(new FieldError("duplicateNotifications", FieldErrorCode.OUT_OF_RANGE,
                            "duplicateNotifications must be a boolean or 1.." + MAX_COPIES + " copies"));
                }
                yield Math.max(1, n);
            }
            default -> {
                errors.add(new FieldError("duplicateNotifications", FieldErrorCode.WRONG_TYPE,
                        "duplicateNotifications must be a boolean or a number of copies"));
                yield notificationCopies;
            }
        };
    }

    private static int integer(JsonObject update, String name, int current, int max, List<FieldError> errors) {
        JsonValue value = update.get(name);
        if (value == null) {
            return current;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            errors.add(new FieldError(name, FieldErrorCode.WRONG_TYPE, name + " must be an integer"));
            return current;
        }
        JsonNumber number = (JsonNumber) value;
        if (number.bigDecimalValue().signum() < 0 || number.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(name, FieldErrorCode.OUT_OF_RANGE, name + " must be 0.." + max));
            return current;
        }
        return number.intValue();
    }

    private static boolean bool(JsonObject update, String name, boolean current, List<FieldError> errors) {
        JsonValue value = update.get(name);
        if (value == null) {
            return current;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new FieldError(name, FieldErrorCode.WRONG_TYPE, name + " must be true or false"));
            return current;
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }
}
