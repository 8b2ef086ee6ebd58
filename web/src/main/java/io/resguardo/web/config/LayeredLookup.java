package io.resguardo.web.config;

import java.util.Optional;
import java.util.function.Supplier;

/** The "first non-blank value wins" rule shared by the sources of {@link SettingSource}. */
final class LayeredLookup {
    private LayeredLookup() {
    }

    /** Later layers are not consulted once one answers: a JNDI lookup is only made when nothing else has the value. */
    @SafeVarargs
    static Optional<String> first(Supplier<String>... layers) {
        for (Supplier<String> layer : layers) {
            String value = layer.get();
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
