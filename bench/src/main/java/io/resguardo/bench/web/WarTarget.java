package io.resguardo.bench.web;

import io.resguardo.testfixtures.jetty.EmbeddedJetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packaged WAR deployed in embedded Jetty 12 (ee10) over HTTPS only, configured through context init-params as
 * a container's deployment descriptor would, H2 under a fresh temporary {@code RESGUARDO_HOME}. Jetty's own request
 * log is off; Resguardo's access log is whatever level its logger has.
 */
final class WarTarget implements Target {
    private final EmbeddedJetty jetty;
    private final Load load;
    private final Requests requests;
    private final DatabaseChoice database;

    private WarTarget(EmbeddedJetty jetty, Credentials credentials, DatabaseChoice database) {
        this.jetty = jetty;
        this.database = database;
        int port = jetty.httpsUri().getPort();
        this.load = new Load(jetty.certificate().clientContext(), "localhost", port);
        this.requests = credentials.requests("localhost", port);
    }

    static WarTarget start(Path war, Path home, DatabaseChoice database) {
        return start(war, home, database, java.util.Map.of());
    }

    /** @param more further settings by environment-variable name, e.g. the shop's callback URL */
    static WarTarget start(Path war, Path home, DatabaseChoice database, java.util.Map<String, String> more) {
        Credentials credentials = new Credentials();
        EmbeddedJetty.Builder builder = EmbeddedJetty.war(war).httpsOnly().requestLog(false);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(database.settings(home));
        settings.putAll(more);
        credentials.initParameters(home, settings).forEach(builder::initParameter);
        try {
            return new WarTarget(builder.start(), credentials, database);
        } catch (RuntimeException e) {
            database.cleanUp();
            throw e;
        }
    }

    static Path freshHome() {
        try {
            return Files.createTempDirectory("resguardo-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Load load() {
        return load;
    }

    @Override
    public Requests requests() {
        return requests;
    }

    @Override
    public String describe() {
        return "packaged WAR in Jetty 12.1 ee10 (WebAppContext), HTTPS only, " + database.describe();
    }

    @Override
    public void close() {
        try {
            jetty.close();
        } finally {
            database.cleanUp();
        }
    }
}
