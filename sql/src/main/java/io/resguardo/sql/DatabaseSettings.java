package io.resguardo.sql;

import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and how the pool behaves (CONTRACT section 7: {@code RESGUARDO_DATASOURCE},
 * {@code RESGUARDO_DB_URL}/{@code _USER}/{@code _PASSWORD}, {@code RESGUARDO_HOME}). Immutable; the password is a
 * {@link Secret} and {@link #toString()} never shows it, nor a password written into the JDBC URL.
 *
 * <p>Pool defaults: {@value #DEFAULT_POOL_SIZE} connections (fixed size, as HikariCP recommends) and a
 * {@link #DEFAULT_CONNECTION_TIMEOUT} wait for one: long enough to ride out a burst, short enough that a sender
 * gets its 503 while it still waits for an answer.
 */
public final class DatabaseSettings {
    /** Connections in our pool unless configured. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** How long a request waits for a connection before the database counts as unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    /** Where the data lives. */
    public enum Kind {
        /** H2 file database under RESGUARDO_HOME. */
        EMBEDDED,
        /** A JDBC URL, pooled by us. */
        URL,
        /** A container DataSource looked up by JNDI name; no pool of ours. */
        JNDI
    }

    private final Kind kind;
    private final Path home;
    private final String url;
    private final String user;
    private final Secret password;
    private final String jndiName;
    private final int poolSize;
    private final Duration connectionTimeout;

    private DatabaseSettings(Kind kind, Path home, String url, String user, Secret password, String jndiName,
                             int poolSize, Duration connectionTimeout) {
        this.kind = kind;
        this.home = home;
        this.url = url;
        this.user = user;
        this.password = password;
        this.jndiName = jndiName;
        if (poolSize < 1 || poolSize > 500) {
            throw new IllegalArgumentException("pool size must be 1..500");
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms");
        }
        this.poolSize = poolSize;
        this.connectionTimeout = connectionTimeout;
    }

    /** The default: an H2 file database in {@code <home>/db/}, created when missing. */
    public static DatabaseSettings embedded(Path home) {
        Objects.requireNonNull(home, "home");
        return new DatabaseSettings(Kind.EMBEDDED, home.toAbsolutePath().normalize(), null, null, null, null,
                DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * Any JDBC URL of a supported engine (H2 or PostgreSQL).
     *
     * @param user {@code null} or empty for none
     * @param password {@code null} or empty for none
     */
    public static DatabaseSettings url(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("RESGUARDO_DB_URL must be a JDBC URL (jdbc:...)");
        }
        Secret secret = password == null || password.isEmpty()
                ? null : Secret.ofBytes(password.getBytes(StandardCharsets.UTF_8));
        return new DatabaseSettings(Kind.URL, null, url, emptyToNull(user), secret, null,
                DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** A DataSource the container manages, looked up by JNDI ({@code java:comp/env/jdbc/resguardo}). */
    public static DatabaseSettings jndi(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("RESGUARDO_DATASOURCE must name a JNDI DataSource");
        }
        return new DatabaseSettings(Kind.JNDI, null, null, null, null, name.strip(), DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The same settings with another pool size and connection wait (ignored for a JNDI DataSource). */
    public DatabaseSettings withPool(int size, Duration timeout) {
        return new DatabaseSettings(kind, home, url, user, password, jndiName, size,
                Objects.requireNonNull(timeout, "timeout"));
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#EMBEDDED}: the data directory. */
    public Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    /** The JDBC URL our pool uses: the given one, or the embedded default. Empty for JNDI. */
    public Optional<String> jdbcUrl() {
        if (kind == Kind.EMBEDDED) {
            return Optional.of(embeddedUrl(home));
        }
        return Optional.ofNullable(url);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    public Optional<String> jndiName() {
        return Optional.ofNullable(jndiName);
    }

    public int poolSize() {
        return poolSize;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /**
     * The embedded URL. H2's own write delay stays (its background writer also compacts the file); what makes a
     * confirmed commit survive a killed JVM is {@link Database}'s group flush, which writes the file before any
     * transaction of ours returns ({@code io.resguardo.sql.internal.GroupFlush}). H2's {@code WRITE_DELAY=0} would
     * too, but writes once per commit, one commit at a time. {@code LOCK_TIMEOUT} lets contended rows wait instead
     * of failing at H2's one-second default;
     * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to us, so a container's shutdown hook order cannot close the
     * database under requests still being answered.
     */
    static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("db").resolve("resguardo")
                + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> "DatabaseSettings[embedded H2 in " + home + "]";
            case URL -> "DatabaseSettings[url=" + maskUrl(url) + ", user=" + user
                    + ", password=" + (password == null ? "none" : "***") + ", pool=" + poolSize + "]";
            case JNDI -> "DatabaseSettings[jndi=" + jndiName + "]";
        };
    }

    /** A JDBC URL with any {@code password=} parameter value masked, for logs. */
    public static String maskUrl(String url) {
        StringBuilder out = new StringBuilder(url.length());
        int i = 0;
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        while (i < url.length()) {
            int at = lower.indexOf("password=", i);
            if (at < 0) {
                out.append(url, i, url.length());
                break;
            }
            int valueStart = at + "password=".length();
            out.append(url, i, valueStart).append("***");
            int end = valueStart;
            while (end < url.length() && url.charAt(end) != '&' && url.charAt(end) != ';') {
                end++;
            }
            i = end;
        }
        return out.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
