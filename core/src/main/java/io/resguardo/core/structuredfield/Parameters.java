package io.resguardo.core.structuredfield;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Ordered parameters of an item or inner list; keys are unique (duplicates are rejected, not overwritten). */
public record Parameters(List<Parameter> list) {
    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(List.of());

    public Parameters {
        list = List.copyOf(Objects.requireNonNull(list, "list"));
        Set<String> seen = new HashSet<>();
        for (Parameter p : list) {
            if (!seen.add(p.key())) {
                throw new IllegalArgumentException("duplicate parameter " + p.key());
            }
        }
    }

    /** The value of parameter {@code key}, if present. */
    public Optional<BareItem> get(String key) {
        for (Parameter p : list) {
            if (p.key().equals(key)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }
}
