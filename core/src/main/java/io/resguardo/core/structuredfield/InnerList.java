package io.resguardo.core.structuredfield;

import java.util.List;
import java.util.Objects;

/** A parenthesised list of items with its own parameters (RFC 8941 section 3.1.1). */
public record InnerList(List<Item> items, Parameters parameters) implements Member {
    public InnerList {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(parameters, "parameters");
    }
}
