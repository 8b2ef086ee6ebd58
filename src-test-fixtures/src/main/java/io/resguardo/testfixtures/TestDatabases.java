package io.resguardo.testfixtures;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A JUnit extension handing out fresh databases: an H2 data directory in a temporary folder, or a PostgreSQL schema
 * of its own in the {@code test} database at 127.0.0.1:5432 (user {@code postgres}, trust authentication). Everything
 * it handed out is dropped after the test class.
 *
 * <p>PostgreSQL tests are skipped when the server does not answer, except under {@code CI=true}, where they fail:
 * continuous integration must prove both engines.
 *
 * <pre>{@code
 * @RegisterExtension static final TestDatabases DATABASES = new TestDatabases();
 * TestDatabase db = DATABASES.create(Engine.POSTGRESQL);
 * }</pre>
 */
public final class TestDatabases implements AfterAllCallback {
    /** The engines Resguardo supports. */
    public enum Engine { H2, POSTGRESQL }

    /** The PostgreSQL database the tests use. */
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Its user (trust authentication, no password). */
    public static final String POSTGRES_USER = "postgres";

    private final List<TestDatabase> created = new ArrayList<>();

    /** A new, empty database of that engine, dropped after the test class. */
    public synchronized TestDatabase create(Engine engine) {
        TestDatabase db = engine == Engine.H2 ? h2() : postgres();
        created.add(db);
        return db;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        for (TestDatabase db : created) {
            db.drop();
        }
        created.clear();
    }

    private static TestDatabase h2() {
        try {
            return new TestDatabase(Engine.H2, Files.createTempDirectory("resguardo-h2-"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true requires PostgreSQL at " + POSTGRES_URL + ": " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL does not answer at " + POSTGRES_URL + " (" + e.getMessage() + ")");
        }
        return new TestDatabase(Engine.POSTGRESQL, null, schema);
    }

    static Connection adminConnection() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=3", POSTGRES_USER, "");
    }

    /** One database handed out by {@link TestDatabases}. */
    public static final class TestDatabase {
        private final Engine engine;
        private final Path home;
        private final String schema;

        TestDatabase(Engine engine, Path home, String schema) {
            this.engine = engine;
            this.home = home;
            this.schema = schema;
        }

        public Engine engine() {
            return engine;
        }

        /** For H2: the data directory (RESGUARDO_HOME) the embedded default should use. */
        public Path home() {
            if (home == null) {
                throw new IllegalStateException("not an H2 database");
            }
            return home;
        }

        /** For PostgreSQL: the JDBC URL selecting this database's own schema. */
        public String url() {
            if (schema == null) {
                throw new IllegalStateException("not a PostgreSQL database");
            }
            return POSTGRES_URL + "?currentSchema=" + schema;
        }

        public String user() {
            return POSTGRES_USER;
        }

        public String schema() {
            return schema;
        }

        void drop() {
            if (schema != null) {
                try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop schema " + schema, e);
                }
            } else {
                deleteTree(home);
            }
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return engine.name();
        }
    }
}
