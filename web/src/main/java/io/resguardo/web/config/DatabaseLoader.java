package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.sql.DatabaseSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.resguardo.web.config.SettingNames.DATASOURCE;
import static io.resguardo.web.config.SettingNames.DB_CONNECTION_TIMEOUT;
import static io.resguardo.web.config.SettingNames.DB_PASSWORD;
import static io.resguardo.web.config.SettingNames.DB_POOL_SIZE;
import static io.resguardo.web.config.SettingNames.DB_URL;
import static io.resguardo.web.config.SettingNames.DB_USER;
import static io.resguardo.web.config.SettingNames.FILE_SUFFIX;
import static io.resguardo.web.config.SettingNames.HOME;

/**
 * The database settings: {@code RESGUARDO_DATASOURCE} wins over {@code RESGUARDO_DB_URL}, which wins over the
 * embedded H2 database under {@code RESGUARDO_HOME}.
 */
final class DatabaseLoader {
    private final SettingReader read;
    private final Problems problems;
    private final List<String> warnings;
    private final boolean production;

    DatabaseLoader(SettingReader read, Problems problems, List<String> warnings, boolean production) {
        this.read = read;
        this.problems = problems;
        this.warnings = warnings;
        this.production = production;
    }

    /** The settings, or {@code null} when a problem was recorded. */
    DatabaseSettings load(Path home) {
        int poolSize = read.integer(DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 500);
        Duration timeout = read.duration(DB_CONNECTION_TIMEOUT, DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT,
                Duration.ofMillis(250), Duration.ofMinutes(5));
        Optional<String> dataSource = read.text(DATASOURCE);
        Optional<String> url = read.text(DB_URL);
        boolean userSet = read.isSet(DB_USER);
        boolean passwordSet = read.isSecretSet(DB_PASSWORD);
        DatabaseSettings settings;
        if (dataSource.isPresent()) {
            if (url.isPresent() || userSet || passwordSet) {
                warnings.add(DATASOURCE + " is set, so " + DB_URL + ", " + DB_USER + " and " + DB_PASSWORD
                        + " are ignored");
            }
            settings = DatabaseSettings.jndi(dataSource.get());
        } else if (url.isPresent()) {
            settings = urlDatabase(url.get());
        } else {
            if (userSet) {
                problems.add(DB_USER, "is set without " + DB_URL);
            }
            if (passwordSet) {
                problems.add(DB_PASSWORD, "is set without " + DB_URL);
            }
            if (home == null) {
                return null;
            }
            if (production) {
                warnings.add(DB_URL + " is not set: production uses the embedded H2 database under " + HOME
                        + ", which serves one node only");
            }
            settings = DatabaseSettings.embedded(home);
        }
        return settings == null ? null : settings.withPool(poolSize, timeout);
    }

    private DatabaseSettings urlDatabase(String url) {
        if (!url.startsWith("jdbc:")) {
            problems.add(DB_URL, "must be a JDBC URL (jdbc:h2:… or jdbc:postgresql:…)");
            return null;
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            warnings.add(DB_URL + " holds a password; prefer " + DB_PASSWORD + " or " + DB_PASSWORD + FILE_SUFFIX);
        }
        Optional<String> password = read.secret(DB_PASSWORD);
        // Production refuses a placeholder database password as it refuses any other placeholder secret.
        if (password.isPresent() && production && read.checkedSecret(DB_PASSWORD, password.get()).isEmpty()) {
            return null;
        }
        try {
            return DatabaseSettings.url(url, read.text(DB_USER).orElse(null), password.orElse(null));
        } catch (InvalidConfigurationException e) {
            // Secret.ofBytes refuses a password of one repeated character.
            problems.add(DB_PASSWORD, "is one character repeated, not a real password");
            return null;
        }
    }
}
