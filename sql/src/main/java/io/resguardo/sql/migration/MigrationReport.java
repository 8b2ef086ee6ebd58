package io.resguardo.sql.migration;

import io.resguardo.sql.Engine;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SchemaMigrator#migrate} found and did.
 *
 * @param schemaVersion the version the database is at now
 * @param applied the migrations this run applied, in order (empty when the schema was already current)
 */
public record MigrationReport(Engine engine, int schemaVersion, List<Migration> applied) {
    public MigrationReport {
        Objects.requireNonNull(engine, "engine");
        applied = List.copyOf(applied);
    }
}
