package io.resguardo.core.structuredfield;

import java.util.Objects;

/** One parameter: a key and its bare item ({@link BareItem.Bool#TRUE} when written as a bare key). */
public record Parameter(String key, BareItem value) {
    public Parameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!StructuredFields.isKey(key)) {
            throw new IllegalArgumentException("not a valid key");
        }
    }
}
