package io.resguardo.web;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.KeyResolver;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.SignaturePolicy;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.core.validation.OrderValidator;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.migration.MigrationException;
import io.resguardo.web.admin.AdminDependencies;
import io.resguardo.web.admin.AdminSurface;
import io.resguardo.web.api.CipIssuer;
import io.resguardo.web.api.OrdersServlet;
import io.resguardo.web.api.SandboxCipIssuer;
import io.resguardo.web.api.UnavailableCipIssuer;
import io.resguardo.web.config.Environment;
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
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.ops.HealthServlet;
import io.resguardo.web.ops.Metrics;
import io.resguardo.web.ops.MetricsServlet;
import io.resguardo.web.ops.NotFoundServlet;
import io.resguardo.web.webhook.NotificationServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts and stops Resguardo inside the container. At deployment: reads and validates the configuration (CONTRACT
 * section 7, first found wins: system property, environment, context init-param, JNDI), opens and migrates the
 * database, then registers the filters in chain order and the endpoints. A refused configuration is logged once,
 * naming every problem, and thrown, so the container marks the deployment failed. At undeploy: flushes the
 * rejection summary and closes the pool.
 */
public final class Bootstrap implements ServletContextListener {
    private final SafeLog startup = new SafeLog("io.resguardo", Redactor.standard());
    private Database database;
    private AccessLogFilter accessLog;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Clock clock = Clock.systemUTC();
        ResguardoConfig config;
        try {
            config = ResguardoConfig.load(SettingSource.layered(System.getProperties(), System.getenv(),
                    context::getInitParameter, Bootstrap::jndi), clock);
        } catch (InvalidConfigurationException e) {
            startup.severe("Resguardo refuses to start: " + e.getMessage());
            throw new IllegalStateException("Resguardo refuses to start: invalid configuration (see the log)");
        }
        Redactor redactor = Redactor.withSecrets(config.secrets());
        SafeLog log = new SafeLog("io.resguardo", redactor);
        // The warnings include where generated sandbox credentials are kept (never their values).
        config.warnings().forEach(log::warning);
        try {
            database = Database.open(config.database(), clock);
        } catch (InvalidConfigurationException | MigrationException | DatabaseException e) {
            log.severe("Resguardo refuses to start: database: " + e.getMessage());
            throw new IllegalStateException("Resguardo refuses to start: database (see the log)");
        }
        try {
            register(context, config, redactor, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        log.info("Resguardo started: environment=" + config.environment() + ", " + database + ", base URL "
                + config.pagoEfectivoBaseUrl());
    }

    private void register(ServletContext context, ResguardoConfig config, Redactor redactor, Clock clock) {
        Metrics metrics = new Metrics();
        metrics.gauge("resguardo_orders", "Orders by status (all nodes).", "status", () -> {
            Map<String, Number> counts = new LinkedHashMap<>();
            database.orders().countByStatus().forEach((status, n) -> counts.put(status.name(), n));
            return counts;
        });
        metrics.gauge("resguardo_outbox_pending", "Shop events waiting to be delivered (all nodes).", "",
                () -> Map.of("", database.outbox().pendingCount()));
        metrics.gauge("resguardo_secret_key_age_days", "Age of the current PagoEfectivo secret key in days.", "",
                () -> config.pagoEfectivoKeyRing().currentKeyAge().<Map<String, Number>>map(age -> Map.of("", age.ageDays()))
                        .orElse(Map.of()));
        AbuseGuard guard = new AbuseGuard(config.webhookRateLimit(), config.apiRateLimit(),
                config.banAfterFailures(), config.banWindow(), config.banDuration(), System::nanoTime);
        context.setAttribute(AbuseGuard.ATTRIBUTE, guard);
        accessLog = new AccessLogFilter(metrics, redactor, clock, System::nanoTime);

        filter(context, "request-id", new RequestIdFilter());
        filter(context, "access-log", accessLog);
        filter(context, "https", new HttpsFilter(config.trustedProxies(), config.requireHttps(), config.hsts(),
                Set.of(Surface.HEALTH)));
        filter(context, "allowlist", new AllowlistFilter(config.webhookAllowlist(), config.apiAllowlist(),
                config.adminAllowlist()));
        filter(context, "ban", new BanFilter(guard));
        filter(context, "throttle", new ThrottleFilter(guard));
        filter(context, "body-limit", new BodyLimitFilter(config.maxBodyBytes()));
        filter(context, "content-type", new ContentTypeFilter());

        MessageSignatureVerifier shopVerifier = new MessageSignatureVerifier(SignaturePolicy.shopApi(),
                keyResolver(config.apiKeys()), new TimestampWindow(clock, config.maxClockSkew()), database.nonces());
        CipIssuer cips = config.environment() == Environment.SANDBOX
                ? new SandboxCipIssuer(database.orders(), config.pagoEfectivoBaseUrl())
                : new UnavailableCipIssuer();
        servlet(context, "webhook", new NotificationServlet(NotificationVerifier.of(config.pagoEfectivoKeyRing()),
                database.payments(), guard, redactor, metrics, config.maxBodyBytes()), "/webhooks/pagoefectivo");
        servlet(context, "orders", new OrdersServlet(shopVerifier, new OrderValidator(clock), database.orders(),
                cips, guard, redactor, config.maxBodyBytes()), "/api/v1/orders", "/api/v1/orders/*");
        servlet(context, "health", new HealthServlet(database), "/health");
        servlet(context, "metrics", new MetricsServlet(metrics), "/metrics");
        AdminSurface.register(context, new AdminDependencies(config, database, redactor, Optional::empty,
                metrics::rejectionCounts));
        servlet(context, "not-found", new NotFoundServlet(), "/");
    }

    private static KeyResolver keyResolver(Map<String, Secret> apiKeys) {
        Map<String, List<Secret>> keys = new LinkedHashMap<>();
        apiKeys.forEach((id, secret) -> keys.put(id, List.of(secret)));
        return KeyResolver.of(keys);
    }

    private static void filter(ServletContext context, String name, Filter filter) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    private static void servlet(ServletContext context, String name, Servlet servlet, String... patterns) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(patterns);
        registration.setLoadOnStartup(1);
    }

    private static Object jndi(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (accessLog != null) {
            accessLog.flush();
        }
        if (database != null) {
            database.close();
        }
        deregisterOwnDrivers();
    }

    /**
     * JDBC drivers loaded from this WAR (H2) register themselves with the JVM-wide DriverManager; left there, they
     * would pin this deployment's class loader after undeploy.
     */
    private static void deregisterOwnDrivers() {
        ClassLoader own = Bootstrap.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    // Nothing more to do: the container's own leak prevention will report it.
                }
            }
        }
    }
}
