package io.resguardo.web.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where settings come from, looked up by their environment-variable name ({@code RESGUARDO_DB_URL}).
 *
 * <p>Guarantees of the sources made here: a blank value counts as unset (so an empty {@code -D} or environment
 * entry does not hide a value further down); the value returned is never blank; nothing is cached, and no value is
 * ever logged or put into an exception.
 */
public interface SettingSource {

    /**
     * The value of {@code name}, or empty when it is unset or blank.
     *
     * @param name the environment-variable form of the name, e.g. {@code RESGUARDO_DB_URL}
     */
    Optional<String> get(String name);

    /**
     * The order of CONTRACT.md section 7, first non-blank value wins: Java system property ({@code resguardo.db.url}),
     * environment variable ({@code RESGUARDO_DB_URL}), servlet context init-param ({@code resguardo.db.url}), JNDI
     * ({@code java:comp/env/resguardo/db.url}). See {@link SettingNames} for the name mapping.
     *
     * @param systemProperties usually {@link System#getProperties()}; read at every lookup
     * @param environment      usually {@link System#getenv()}
     * @param initParameters   init-param lookup by property-form name, {@code null} when absent (e.g.
     *                         {@code ServletContext::getInitParameter})
     * @param jndiLookup       lookup by full JNDI name, {@code null} when unbound; a non-String value is taken by its
     *                         {@code toString()}. An exception it throws reaches the caller of {@link #get}.
     */
    static SettingSource layered(Properties systemProperties, Map<String, String> environment,
                                 Function<String, String> initParameters, Function<String, Object> jndiLookup) {
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(initParameters, "initParameters");
        Objects.requireNonNull(jndiLookup, "jndiLookup");
        return name -> {
            String property = SettingNames.propertyName(name);
            return LayeredLookup.first(
                    () -> systemProperties.getProperty(property),
                    () -> environment.get(name),
                    () -> initParameters.apply(property),
                    () -> {
                        Object bound = jndiLookup.apply(SettingNames.jndiName(name));
                        return bound == null ? null : bound.toString();
                    });
        };
    }

    /** A fixed map keyed by environment-variable names, for tests and tools; copied, blank values count as unset. */
    static SettingSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> LayeredLookup.first(() -> copy.get(Objects.requireNonNull(name, "name")));
    }
}
