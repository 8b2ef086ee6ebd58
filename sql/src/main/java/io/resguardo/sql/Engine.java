package io.resguardo.sql;

import io.resguardo.core.InvalidConfigurationException;

import java.util.Locale;

/** The database engines Resguardo supports. */
public enum Engine {
    /** Embedded, one node: the default under {@code RESGUARDO_HOME}. */
    H2("h2"),
    /** Shared by several nodes. */
    POSTGRESQL("postgresql");

    private final String directory;

    Engine(String directory) {
        this.directory = directory;
    }

    /** The folder under {@code db/migration/} holding this engine's own versions of a migration. */
    public String migrationDirectory() {
        return directory;
    }

    /**
     * The engine behind a JDBC connection, from its product name.
     *
     * @throws InvalidConfigurationException for any other database
     */
    public static Engine fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new InvalidConfigurationException("RESGUARDO_DB_URL: unsupported database '" + productName
                + "' (H2 and PostgreSQL are supported)");
    }
}
