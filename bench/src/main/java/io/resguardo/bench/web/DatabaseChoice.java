package io.resguardo.bench.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Which database a benchmark deployment uses:
 * <ul>
 *   <li>{@code h2} (the default): Resguardo's embedded H2 under the temporary home, with its group flush (every
 *       transaction waits for a file write that began after its commit; one write serves many);</li>
 *   <li>{@code h2-delayed}: the same file database with H2's default write delay (commits reach the file within
 *       500 ms, in the background), for comparison only;</li>
 *   <li>{@code h2-mem}: H2 in memory, nothing persisted: what the rest of the stack costs;</li>
 *   <li>{@code postgresql}: a fresh schema in the {@code test} database at 127.0.0.1:5432 (user {@code postgres}),
 *       dropped afterwards;</li>
 *   <li>{@code url:<JDBC URL>}, where {@code {home}} stands for the temporary home.</li>
 * </ul>
 * Plus an optional pool size.
 */
final class DatabaseChoice {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String choice;
    private final int poolSize;
    private String schema;

    DatabaseChoice(String choice, int poolSize) {
        this.choice = choice;
        this.poolSize = poolSize;
    }

    /** The settings (environment-variable names) to add for a deployment in {@code home}. */
    Map<String, String> settings(Path home) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (choice.equals("postgresql")) {
            schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin("CREATE SCHEMA " + schema);
            settings.put("RESGUARDO_DB_URL", POSTGRES + "?currentSchema=" + schema);
            settings.put("RESGUARDO_DB_USER", "postgres");
        } else if (choice.equals("h2-delayed")) {
            settings.put("RESGUARDO_DB_URL", "jdbc:h2:file:" + home.resolve("db").resolve("resguardo")
                    + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
        } else if (choice.equals("h2-mem")) {
            settings.put("RESGUARDO_DB_URL", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
        } else if (choice.startsWith("url:")) {
            settings.put("RESGUARDO_DB_URL", choice.substring(4).replace("{home}", home.toString()));
        } else if (!choice.equals("h2")) {
            throw new IllegalArgumentException("--db h2 | h2-delayed | h2-mem | postgresql | url:<jdbc url>");
        }
        if (poolSize > 0) {
            settings.put("RESGUARDO_DB_POOL_SIZE", Integer.toString(poolSize));
        }
        return settings;
    }

    /** Drops what {@link #settings} created. */
    void cleanUp() {
        if (schema != null) {
            admin("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    String describe() {
        String what = switch (choice.toLowerCase(Locale.ROOT)) {
            case "h2" -> "H2 file, Resguardo's embedded default (group flush)";
            case "h2-delayed" -> "H2 file by URL: H2's 500 ms write delay, no group flush (not durable)";
            case "h2-mem" -> "H2 in memory (nothing persisted)";
            case "postgresql" -> "PostgreSQL at 127.0.0.1:5432";
            default -> choice;
        };
        return what + (poolSize > 0 ? ", pool " + poolSize : ", default pool");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES + ": " + e.getMessage(), e);
        }
    }
}
