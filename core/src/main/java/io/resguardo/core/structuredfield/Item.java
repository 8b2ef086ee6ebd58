package io.resguardo.core.structuredfield;

import java.util.Objects;

/** A bare item with its parameters (RFC 8941 section 3.3). */
public record Item(BareItem value, Parameters parameters) implements Member {
    public Item {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** An item without parameters. */
    public static Item of(BareItem value) {
        return new Item(value, Parameters.EMPTY);
    }
}
