package io.resguardo.sql.migration;

import io.resguardo.sql.Engine;
import io.resguardo.sql.internal.Timestamps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Brings a database to this build's schema. Migrations are plain SQL files under a classpath location (by default
 * {@value #DEFAULT_LOCATION}), listed in order in {@code migrations.list}; a file in the engine's own folder
 * ({@code h2/}, {@code postgresql/}) replaces the shared one for that engine.
 *
 * <p>Guarantees: migrations run in version order, each in its own transaction together with its row in
 * {@code resguardo_schema_history} (H2 commits DDL as it goes, so there a failed file may leave part of itself; our
 * files are one statement per object so a rerun after a fix is simple). Nodes starting together serialize on a lock
 * (a PostgreSQL advisory lock per schema; on H2, a row lock) so each migration is applied once. An applied file
 * whose checksum changed, or a database newer than the build, stops start-up with a {@link MigrationException}
 * naming the file or the versions.
 */
public final class SchemaMigrator {
    /** Where Resguardo's own migrations live on the classpath. */
    public static final String DEFAULT_LOCATION = "db/migration";

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

    private final ClassLoader loader;
    private final String location;
    private final Clock clock;

    private SchemaMigrator(ClassLoader loader, String location, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.location = Objects.requireNonNull(location, "location");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Resguardo's own migrations. */
    public static SchemaMigrator standard(Clock clock) {
        return new SchemaMigrator(SchemaMigrator.class.getClassLoader(), DEFAULT_LOCATION, clock);
    }

    /** Migrations from another classpath location (tests, extensions). */
    public static SchemaMigrator at(ClassLoader loader, String location, Clock clock) {
        return new SchemaMigrator(loader, location, clock);
    }

    /**
     * The migrations for {@code engine}, in order.
     *
     * @throws IllegalStateException when the list or a listed file is missing or misnamed (a packaging fault)
     */
    public List<Migration> migrations(Engine engine) {
        List<Migration> migrations = new ArrayList<>();
        int previous = 0;
        for (String line : read(location + "/migrations.list").split("\n")) {
            String script = line.strip();
            if (script.isEmpty() || script.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(script);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name must be V<version>__<description>.sql: " + script);
            }
            int version = Integer.parseInt(m.group(1));
            if (version <= previous) {
                throw new IllegalStateException("migrations must be listed in increasing version order: " + script);
            }
            previous = version;
            String own = location + "/" + engine.migrationDirectory() + "/" + script;
            String sql = loader.getResource(own) != null ? read(own) : read(location + "/" + script);
            migrations.add(new Migration(version, m.group(2).replace('_', ' '), script, sql, checksum(sql)));
        }
        return migrations;
    }

    /**
     * Applies what is missing.
     *
     * @throws MigrationException when an applied file changed, the database is newer, or a migration fails
     * @throws SQLException when the database cannot be reached
     */
    public MigrationReport migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Engine engine = Engine.fromProductName(c.getMetaData().getDatabaseProductName());
            List<Migration> migrations = migrations(engine);
            try (MigrationLock ignored = MigrationLock.acquire(engine, c, dataSource)) {
                createHistory(c);
                Map<Integer, String> applied = appliedChecksums(c);
                int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
                for (int version : applied.keySet()) {
                    if (version > latest) {
                        throw new MigrationException("the database schema is at version " + version
                                + ", newer than this build (" + latest + "): deploy the newer build");
                    }
                }
                List<Migration> done = new ArrayList<>();
                for (Migration migration : migrations) {
                    String checksum = applied.get(migration.version());
                    if (checksum == null) {
                        apply(c, migration);
                        done.add(migration);
                    } else if (!checksum.equals(migration.checksum())) {
                        throw new MigrationException(location + "/" + migration.script()
                                + " changed after it was applied (recorded checksum " + checksum + ", file "
                                + migration.checksum() + "): restore the file and put the change in a new migration");
                    }
                }
                return new MigrationReport(engine, latest, done);
            }
        }
    }

    private static void createHistory(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS resguardo_schema_history ("
                    + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection c) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM resguardo_schema_history")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private void apply(Connection c, Migration migration) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String statement : SqlScript.statements(migration.sql())) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO resguardo_schema_history "
                    + "(version, description, script, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, migration.version());
                ps.setString(2, migration.description());
                ps.setString(3, migration.script());
                ps.setString(4, migration.checksum());
                Timestamps.set(ps, 5, clock.instant());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new MigrationException("migration " + location + "/" + migration.script() + " failed (SQLState "
                    + e.getSQLState() + ")");
        } finally {
            c.setAutoCommit(true);
        }
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String checksum(String sql) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
