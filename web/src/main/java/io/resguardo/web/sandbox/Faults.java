package io.resguardo.web.sandbox;

import io.resguardo.core.validation.ValidationException;
import jakarta.json.JsonObject;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current {@link FaultSettings}, in memory, switched at run time through {@code /faults}. Reads are lock-free
 * snapshots; counting down {@code failCreates} is atomic, so under concurrency exactly that many creations fail.
 */
final class Faults {
    private final AtomicReference<FaultSettings> current = new AtomicReference<>(FaultSettings.NONE);

    FaultSettings current() {
        return current.get();
    }

    /** @throws ValidationException when {@code update} is not a valid set of faults; nothing changes then */
    FaultSettings update(JsonObject update) throws ValidationException {
        while (true) {
            FaultSettings before = current.get();
            FaultSettings after = before.merge(update);
            if (current.compareAndSet(before, after)) {
                return after;
            }
        }
    }

    FaultSettings reset() {
        current.set(FaultSettings.NONE);
        return FaultSettings.NONE;
    }

    /** Whether this CIP creation is to fail (and counts it), by {@code failCreates}. */
    boolean takeCreateFailure() {
        return current.getAndUpdate(s -> s.failCreates() > 0 ? s.withFailCreates(s.failCreates() - 1) : s)
                .failCreates() > 0;
    }
}
