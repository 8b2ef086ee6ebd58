package io.resguardo.bench.web;

import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.KeyResolver;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.SignaturePolicy;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.core.validation.OrderValidator;
import io.resguardo.sql.Database;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import io.resguardo.web.api.OrdersServlet;
import io.resguardo.web.api.CipIssuer;
import io.resguardo.web.config.ResguardoConfig;
import io.resguardo.web.config.SettingSource;
import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.filter.AccessLogFilter;
import io.resguardo.web.filter.AllowlistFilter;
import io.resguardo.web.filter.BanFilter;
import io.resguardo.web.filter.BodyLimitFilter;
import io.resguardo.web.filter.ContentTypeFilter;
import io.resguardo.web.filter.HttpsFilter;
import io.resguardo.web.filter.RequestIdFilter;
import io.resguardo.web.filter.ThrottleFilter;
import io.resguardo.web.http.Surface;
import io.resguardo.web.ops.Metrics;
import io.resguardo.web.webhook.NotificationIntake;
import io.resguardo.web.webhook.NotificationServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resguardo's servlets mounted directly in a Jetty 12 ee10 {@link ServletContextHandler} over HTTPS, built exactly
 * as {@code io.resguardo.web.Bootstrap} builds them (same configuration loader, database, ledger, verifiers, guard),
 * with or without Resguardo's eight filters in front, in Bootstrap's order. The same connector set-up as the
 * fixture's {@code EmbeddedJetty}; no WAR, so the only difference between the two variants is the filter chain.
 */
final class HandlerTarget implements Target {
    private final Server server;
    private final Database database;
    private final DatabaseChoice databaseChoice;
    private final boolean filters;
    private final Load load;
    private final Requests requests;

    private HandlerTarget(Server server, Database database, DatabaseChoice databaseChoice, boolean filters,
                          Load load, Requests requests) {
        this.server = server;
        this.database = database;
        this.databaseChoice = databaseChoice;
        this.filters = filters;
        this.load = load;
        this.requests = requests;
    }

    static HandlerTarget start(boolean filters, Path home, DatabaseChoice databaseChoice,
                               SelfSignedCertificate certificate) throws Exception {
        Credentials credentials = new Credentials();
        Clock clock = Clock.systemUTC();
        ResguardoConfig config = ResguardoConfig.load(SettingSource.of(
                credentials.settings(home, databaseChoice.settings(home))), clock);
        Redactor redactor = Redactor.withSecrets(config.secrets());
        Database database = Database.open(config.database(), clock);
        Server server = new Server(threads());
        ServerConnector connector = httpsConnector(server, certificate);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        mount(context, config, database, redactor, clock, filters);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            database.close();
            databaseChoice.cleanUp();
            throw e;
        }
        int port = connector.getLocalPort();
        return new HandlerTarget(server, database, databaseChoice, filters,
                new Load(certificate.clientContext(), "localhost", port), credentials.requests("localhost", port));
    }

    /** Bootstrap's {@code register}, minus the endpoints not measured (health, metrics, not-found). */
    private static void mount(ServletContextHandler context, ResguardoConfig config, Database database,
                              Redactor redactor, Clock clock, boolean filters) {
        Metrics metrics = new Metrics();
        AbuseGuard guard = new AbuseGuard(config.webhookRateLimit(), config.apiRateLimit(),
                config.banAfterFailures(), config.banWindow(), config.banDuration(), System::nanoTime);
        context.setAttribute(AbuseGuard.ATTRIBUTE, guard);
        if (filters) {
            filter(context, "request-id", new RequestIdFilter());
            filter(context, "access-log", new AccessLogFilter(metrics, redactor, clock, System::nanoTime));
            filter(context, "https", new HttpsFilter(config.trustedProxies(), config.requireHttps(), config.hsts(),
                    Set.of(Surface.HEALTH)));
            filter(context, "allowlist", new AllowlistFilter(config.webhookAllowlist(), config.apiAllowlist(),
                    config.adminAllowlist()));
            filter(context, "ban", new BanFilter(guard));
            filter(context, "throttle", new ThrottleFilter(guard));
            filter(context, "body-limit", new BodyLimitFilter(config.maxBodyBytes()));
            filter(context, "content-type", new ContentTypeFilter());
        }
        MessageSignatureVerifier shopVerifier = new MessageSignatureVerifier(SignaturePolicy.shopApi(),
                keyResolver(config.apiKeys()), new TimestampWindow(clock, config.maxClockSkew()), database.nonces());
        ServletHolder webhook = new ServletHolder("webhook", new NotificationServlet(
                new NotificationIntake(NotificationVerifier.of(config.pagoEfectivoKeyRing()), database.payments(),
                        redactor, metrics, () -> { }), guard, config.maxBodyBytes()));
        webhook.setInitOrder(1);
        context.addServlet(webhook, Requests.WEBHOOK_PATH);
        ServletHolder orders = new ServletHolder("orders", new OrdersServlet(shopVerifier, new OrderValidator(clock),
                database.orders(), benchCips(database), guard,
                redactor, config.maxBodyBytes()));
        orders.setInitOrder(1);
        context.addServlet(orders, Requests.ORDERS_PATH);
    }

    private static void filter(ServletContextHandler context, String name, Filter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setName(name);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static KeyResolver keyResolver(Map<String, Secret> apiKeys) {
        Map<String, List<Secret>> keys = new LinkedHashMap<>();
        apiKeys.forEach((id, secret) -> keys.put(id, List.of(secret)));
        return KeyResolver.of(keys);
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("bench-jetty");
        threads.setDaemon(true);
        return threads;
    }

    /** As {@code EmbeddedJetty}: TLSv1.3 and 1.2, HTTP/1.1, no server version header, no SNI host check. */
    private static ServerConnector httpsConnector(Server server, SelfSignedCertificate certificate) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(certificate.keystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(new String(certificate.password()));
        tls.setCertAlias(SelfSignedCertificate.ALIAS);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        configuration.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(configuration));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
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
        return "servlets in a Jetty 12.1 ee10 ServletContextHandler, HTTPS, " + databaseChoice.describe() + ", "
                + (filters ? "with Resguardo's 8 filters" : "no filters");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            database.close();
            databaseChoice.cleanUp();
        }
    }

    /** CIPs made up locally: the benchmark measures Resguardo, not a PagoEfectivo round trip. */
    private static CipIssuer benchCips(Database database) {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(10_000_000L);
        return (order, base) -> {
            String cip = Long.toString(next.incrementAndGet());
            return database.orders().assignCip(order.id(), cip, base + "/cips/" + cip, "bench");
        };
    }
}
