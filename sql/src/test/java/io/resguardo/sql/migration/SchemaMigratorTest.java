package io.resguardo.sql.migration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.resguardo.core.ErrorCode;
import io.resguardo.sql.Engine;
import io.resguardo.sql.Fixtures;
import io.resguardo.testfixtures.Concurrently;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(TestDatabases.Engine.class)
class SchemaMigratorTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Parameter
    TestDatabases.Engine engine;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    final List<HikariDataSource> pools = new ArrayList<>();
    TestDatabase testDatabase;

    @BeforeEach
    void create() throws Exception {
        testDatabase = DATABASES.create(engine);
        if (engine == TestDatabases.Engine.H2) {
            java.nio.file.Files.createDirectories(testDatabase.home().resolve("db"));
        }
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Fixtures.settings(testDatabase).jdbcUrl().orElseThrow());
        if (engine == TestDatabases.Engine.POSTGRESQL) {
            config.setUsername(testDatabase.user());
        }
        config.setMaximumPoolSize(3);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private SchemaMigrator at(String location) {
        return SchemaMigrator.at(getClass().getClassLoader(), "test-migrations/" + location, clock);
    }

    private static List<String> column(HikariDataSource ds, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void migrationsApplyInOrderOnceAndAreRecordedWithChecksums() throws Exception {
        HikariDataSource ds = pool();
        MigrationReport first = at("original").migrate(ds);
        assertEquals(2, first.schemaVersion());
        assertEquals(List.of("V1__first.sql", "V2__second.sql"),
                first.applied().stream().map(Migration::script).toList());
        String expectedRow2 = engine == TestDatabases.Engine.H2 ? "shared" : "postgresql";
        assertEquals(List.of("semi;colon 'quoted'", expectedRow2), column(ds, "SELECT name FROM widget ORDER BY id"));
        assertEquals(List.of("1", "2"), column(ds, "SELECT version FROM resguardo_schema_history ORDER BY version"));

        MigrationReport again = at("original").migrate(ds);
        assertTrue(again.applied().isEmpty());
        assertEquals(2, again.schemaVersion());
    }

    @Test
    void anAppliedFileThatChangedStopsStartUpNamingTheFile() throws Exception {
        HikariDataSource ds = pool();
        at("original").migrate(ds);
        MigrationException e = assertThrows(MigrationException.class, () -> at("changed").migrate(ds));
        assertTrue(e.getMessage().contains("test-migrations/changed/V1__first.sql"), e.getMessage());
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
    }

    @Test
    void aDatabaseNewerThanTheBuildStopsStartUp() throws Exception {
        HikariDataSource ds = pool();
        at("original").migrate(ds);
        MigrationException e = assertThrows(MigrationException.class, () -> at("older").migrate(ds));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void nodesStartingTogetherApplyEachMigrationOnce() throws Exception {
        List<HikariDataSource> nodes = List.of(pool(), pool(), pool(), pool());
        int applied = Concurrently.sum(nodes.size(),
                t -> SchemaMigrator.standard(clock).migrate(nodes.get(t)).applied().size());
        int versions = SchemaMigrator.standard(clock).migrations(engineOf()).size();
        assertEquals(versions, applied, "each migration applied by exactly one node");
        assertEquals(versions, column(nodes.get(0), "SELECT version FROM resguardo_schema_history").size());
    }

    @Test
    void everyEngineHasTheSameMigrationVersionsAndAWhyForEachOwnFile() {
        List<Migration> h2 = SchemaMigrator.standard(clock).migrations(Engine.H2);
        List<Migration> pg = SchemaMigrator.standard(clock).migrations(Engine.POSTGRESQL);
        assertEquals(h2.stream().map(Migration::script).toList(), pg.stream().map(Migration::script).toList());
        for (int i = 0; i < h2.size(); i++) {
            if (!h2.get(i).sql().equals(pg.get(i).sql())) {
                assertTrue(h2.get(i).sql().startsWith("--") && pg.get(i).sql().startsWith("--"),
                        h2.get(i).script() + ": a file per engine starts with a comment saying why");
            }
        }
    }

    private Engine engineOf() {
        return engine == TestDatabases.Engine.H2 ? Engine.H2 : Engine.POSTGRESQL;
    }
}
