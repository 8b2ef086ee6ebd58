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
import io.resguardo.core.ErrorCode;
import io.resguardo.web.alert.AlertKind;
import io.resguardo.web.alert.AlertMonitor;
import io.resguardo.web.alert.AlertRule;
import io.resguardo.web.alert.AlertRules;
import io.resguardo.web.alert.AlertWebhook;
import io.resguardo.web.api.CipIssuer;
import io.resguardo.web.api.LocalSandboxCipIssuer;
import io.resguardo.web.api.OrdersServlet;
import io.resguardo.web.api.PagoEfectivoCipIssuer;
import io.resguardo.web.callback.ShopCallbacks;
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
import io.resguardo.web.ops.RejectionTimeline;
import io.resguardo.web.pagoefectivo.PagoEfectivoClient;
import io.resguardo.web.reconcile.CipLookup;
import io.resguardo.web.reconcile.Reconciler;
import io.resguardo.web.sandbox.SandboxOptions;
import io.resguardo.web.sandbox.SandboxServlet;
import io.resguardo.web.sandbox.SandboxWebhook;
import io.resguardo.web.webhook.NotificationIntake;
import io.resguardo.web.webhook.NotificationServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts and stops Resguardo inside the container. At deployment: reads and validates the configuration (CONTRACT
 * section 7, first found wins: system property, environment, context init-param, JNDI), opens and migrates the
 * database, then registers the filters in chain order and the endpoints, and starts the reconciler and the shop
 * callbacks on a scheduler. A refused configuration is logged once, naming every problem, and thrown, so the
 * container marks the deployment failed. At undeploy: stops the scheduled work, flushes the rejection summary and
 * closes the pool.
 *
 * <p>Where CIPs come from: with {@code PAGOEFECTIVO_BASE_URL} set, or in production, the PagoEfectivo client calls
 * that URL (in production the default is PagoEfectivo's production host). A sandbox without it uses the simulator
 * of this WAR ({@code /sandbox}) in-process: CIPs, searches and signed notifications are handed over inside the JVM,
 * so a sandbox deployment works on any container without trusting its own certificate. When the base URL is this
 * WAR's own {@code .../sandbox}, the simulator's notifications go over HTTPS to the sibling
 * {@code .../webhooks/pagoefectivo}, trusting {@code PAGOEFECTIVO_TRUSTSTORE}: the whole wire path.
 *
 * <p>Scheduled work runs on the container's {@code java:comp/DefaultManagedScheduledExecutorService} when it has
 * one (WildFly), else on a pool of two daemon threads owned here and shut down at undeploy (Tomcat, Jetty).
 */
public final class Bootstrap implements ServletContextListener {
    private final SafeLog startup = new SafeLog("io.resguardo", Redactor.standard());
    private Database database;
    private AccessLogFilter accessLog;
    private ScheduledExecutorService ownScheduler;
    private Reconciler reconciler;
    private volatile ShopCallbacks callbacks;
    private AlertMonitor alerts;
    private RejectionTimeline rejectionTimeline;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Clock clock = Clock.systemUTC();
        SettingSource settings = SettingSource.layered(System.getProperties(), System.getenv(),
                context::getInitParameter, Bootstrap::jndi);
        ResguardoConfig config;
        try {
            config = ResguardoConfig.load(settings, clock);
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
            register(context, config, settings, redactor, log, clock);
        } catch (InvalidConfigurationException e) {
            stopWork();
            database.close();
            log.severe("Resguardo refuses to start: " + e.getMessage());
            throw new IllegalStateException("Resguardo refuses to start: invalid configuration (see the log)");
        } catch (RuntimeException e) {
            stopWork();
            database.close();
            throw e;
        }
        log.info("Resguardo started: environment=" + config.environment() + ", " + database + ", base URL "
                + config.pagoEfectivoBaseUrl());
    }

    private void register(ServletContext context, ResguardoConfig config, SettingSource settings, Redactor redactor,
                          SafeLog log, Clock clock) {
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
        ScheduledExecutorService scheduler = scheduler();
        String nodeId = nodeId();
        NotificationIntake intake = new NotificationIntake(NotificationVerifier.of(config.pagoEfectivoKeyRing()),
                database.payments(), redactor, metrics, this::wakeCallbacks);
        SandboxServlet sandbox = config.environment() == Environment.SANDBOX
                ? new SandboxServlet(config.pagoEfectivoServiceId(), config.pagoEfectivoAccessKey(),
                config.pagoEfectivoKeyRing(), sandboxWebhook(config, intake, metrics), clock, scheduler,
                SandboxOptions.defaults())
                : null;
        CipIssuer cips;
        CipLookup lookup;
        Supplier<Optional<Duration>> clockOffset;
        if (sandbox != null && !config.pagoEfectivoBaseUrlSet()) {
            cips = new LocalSandboxCipIssuer(database.orders(), database.payments(), sandbox);
            lookup = sandbox::searchLocally;
            // The built-in sandbox runs on this JVM's clock: its offset is nil by construction.
            clockOffset = () -> Optional.of(Duration.ZERO);
        } else {
            PagoEfectivoClient client = client(config, redactor, clock);
            clockOffset = client::clockOffset;
            cips = new PagoEfectivoCipIssuer(database.orders(), database.payments(), client,
                    new SafeLog("io.resguardo.pagoefectivo", redactor));
            lookup = CipLookup.of(client);
        }
        servlet(context, "webhook", new NotificationServlet(intake, guard, config.maxBodyBytes()),
                "/webhooks/pagoefectivo");
        servlet(context, "orders", new OrdersServlet(shopVerifier, new OrderValidator(clock), database.orders(),
                cips, guard, redactor, config.maxBodyBytes()), "/api/v1/orders", "/api/v1/orders/*");
        if (sandbox != null) {
            servlet(context, "sandbox", sandbox, "/sandbox/*");
        }
        servlet(context, "health", new HealthServlet(database), "/health");
        servlet(context, "metrics", new MetricsServlet(metrics), "/metrics");
        reconciler = new Reconciler(database.orders(), database.payments(), lookup, clock, nodeId,
                new SafeLog("io.resguardo.reconciler", redactor));
        alerts = alertMonitor(config, settings, metrics, guard, redactor, log, clock, scheduler);
        rejectionTimeline = new RejectionTimeline(metrics::rejectionCounts, clock);
        AdminSurface.register(context, new AdminDependencies(config, database, redactor, clockOffset,
                metrics::rejectionCounts, reconciler, alerts::recent, () -> rejectionTimeline.last(15)));
        servlet(context, "not-found", new NotFoundServlet(), "/");

        reconciler.start(scheduler, config.reconcileInterval());
        alerts.start(scheduler);
        rejectionTimeline.start(scheduler);
        if (config.shopWebhookUrl().isPresent() && config.shopWebhookSecret().isPresent()) {
            callbacks = new ShopCallbacks(database.outbox(), config.shopWebhookUrl().get(),
                    config.shopWebhookSecret().get(), Optional.empty(), clock, nodeId,
                    () -> ThreadLocalRandom.current().nextDouble(), new SafeLog("io.resguardo.callbacks", redactor));
            callbacks.start(scheduler);
        } else {
            log.warning("RESGUARDO_SHOP_WEBHOOK_URL or RESGUARDO_SHOP_WEBHOOK_SECRET not set: shop events are kept "
                    + "in the outbox and not delivered");
        }
    }

    /**
     * The alert rules (thresholds from the configuration) over numbers the node already keeps; alerts are counted in
     * the metrics and, with {@code RESGUARDO_ALERT_WEBHOOK_URL}, posted signed with the shop webhook secret.
     */
    private AlertMonitor alertMonitor(ResguardoConfig config, SettingSource settings, Metrics metrics,
                                      AbuseGuard guard, Redactor redactor, SafeLog log, Clock clock,
                                      ScheduledExecutorService scheduler) {
        Map<AlertKind, AlertRule> rules = AlertRules.load(settings);
        Map<AlertKind, LongSupplier> sources = new EnumMap<>(AlertKind.class);
        sources.put(AlertKind.SIGNATURE_FAILURES, () -> rejections(metrics, ErrorCode::countsTowardBan));
        sources.put(AlertKind.ALLOWLIST_REJECTIONS, () -> rejections(metrics, code -> code == ErrorCode.IP_NOT_ALLOWED));
        sources.put(AlertKind.INCONSISTENT_NOTIFICATIONS, () -> rejections(metrics, code ->
                code == ErrorCode.UNKNOWN_CIP || code == ErrorCode.AMOUNT_MISMATCH
                        || code == ErrorCode.CURRENCY_MISMATCH || code == ErrorCode.INVALID_TRANSITION));
        sources.put(AlertKind.BANS, () -> guard.activeBans().size());
        sources.put(AlertKind.OUTBOX_FAILURES, () -> database.outbox().deadCount());
        sources.put(AlertKind.KEY_AGE, () -> config.pagoEfectivoKeyRing().currentKeyAge()
                .map(age -> (long) age.ageDays()).orElse(0L));
        Consumer<AlertMonitor.Alert> sink = alert -> metrics.alert(alert.kind().label());
        if (config.alertWebhookUrl().isPresent()) {
            if (config.shopWebhookSecret().isPresent()) {
                sink = sink.andThen(new AlertWebhook(config.alertWebhookUrl().get(), config.shopWebhookSecret().get(),
                        clock, scheduler, new SafeLog("io.resguardo.alerts", redactor)));
            } else if (config.isProduction()) {
                throw new InvalidConfigurationException("RESGUARDO_ALERT_WEBHOOK_URL: alerts are signed with "
                        + "RESGUARDO_SHOP_WEBHOOK_SECRET, which is not set");
            } else {
                log.warning("RESGUARDO_ALERT_WEBHOOK_URL is set but RESGUARDO_SHOP_WEBHOOK_SECRET is not: alerts are "
                        + "logged and counted, not posted");
            }
        }
        return new AlertMonitor(rules, sources, clock, new SafeLog("io.resguardo.alerts", redactor), sink);
    }

    private static long rejections(Metrics metrics, Predicate<ErrorCode> which) {
        long sum = 0;
        for (Map.Entry<String, Long> entry : metrics.rejectionCounts().entrySet()) {
            try {
                if (which.test(ErrorCode.valueOf(entry.getKey()))) {
                    sum += entry.getValue();
                }
            } catch (IllegalArgumentException e) {
                // not one of ours: not counted
            }
        }
        return sum;
    }

    /**
     * Where the sandbox's notifications go: over HTTPS to this WAR's webhook when the PagoEfectivo base URL is this
     * WAR's {@code .../sandbox}; otherwise handed to the webhook's processing in-process.
     */
    private static SandboxWebhook sandboxWebhook(ResguardoConfig config, NotificationIntake intake,
                                                 Metrics metrics) {
        URI base = config.pagoEfectivoBaseUrl();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (config.pagoEfectivoBaseUrlSet() && path.endsWith("/sandbox")) {
            URI webhook = base.resolve(path.substring(0, path.length() - "/sandbox".length())
                    + "/webhooks/pagoefectivo");
            return SandboxWebhook.http(webhook, config.pagoEfectivoTrustStore().orElse(null),
                    SandboxOptions.defaults().deliveryTimeout());
        }
        return (body, signature) -> {
            NotificationIntake.Receipt receipt = intake.receive(body, signature);
            if (!receipt.delivered()) {
                // What the access log filter counts for a request that came over HTTP: the alerts read it.
                metrics.rejection(receipt.code());
            }
            return receipt.status();
        };
    }

    private static PagoEfectivoClient client(ResguardoConfig config, Redactor redactor, Clock clock) {
        PagoEfectivoClient.Builder builder = PagoEfectivoClient.builder(config.pagoEfectivoBaseUrl(),
                config.pagoEfectivoServiceId(), config.pagoEfectivoAccessKey(),
                config.pagoEfectivoKeyRing().current().secret()).clock(clock).redactor(redactor);
        config.pagoEfectivoTrustStore().ifPresent(builder::trustStore);
        if (config.pagoEfectivoClientKeyStore().isPresent()) {
            builder.clientKeyStore(config.pagoEfectivoClientKeyStore().get(), config.revealClientKeyStorePassword());
        }
        return builder.build();
    }

    /** The container's managed scheduler, else our own daemon pool (remembered, to shut it down at undeploy). */
    private ScheduledExecutorService scheduler() {
        Object managed = jndi("java:comp/DefaultManagedScheduledExecutorService");
        if (managed instanceof ScheduledExecutorService container) {
            return container;
        }
        ownScheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "resguardo-scheduled");
            thread.setDaemon(true);
            return thread;
        });
        return ownScheduler;
    }

    /** A lease owner name unique per deployment: the host name (when known) and random bits. */
    private static String nodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = host.replaceAll("[^A-Za-z0-9._-]", "") + "-" + HexFormat.of().formatHex(random);
        return id.length() > 80 ? id.substring(id.length() - 80) : id;
    }

    /** A payment was just recorded: its shop event need not wait for the next callback pass. */
    private void wakeCallbacks() {
        ShopCallbacks running = callbacks;
        if (running != null) {
            running.wake();
        }
    }

    /** Stops the reconciler and the callbacks and, when it is ours, the scheduler (waiting briefly for a pass). */
    private void stopWork() {
        if (alerts != null) {
            alerts.stop();
        }
        if (rejectionTimeline != null) {
            rejectionTimeline.stop();
        }
        if (reconciler != null) {
            reconciler.stop();
        }
        if (callbacks != null) {
            callbacks.stop();
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
            try {
                ownScheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        stopWork();
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
     *
     * <p>Two passes, because listing the drivers can register one: {@code getDrivers()} decides whether the caller
     * may see each registered driver by loading, and so initializing, that driver's class through the caller's class
     * loader. When the container has a driver this WAR also bundles (H2 in Tomcat's {@code lib/}, for a container
     * DataSource), that loads this WAR's copy, which registers itself after the list was taken.
     * {@code TomcatSmokeIT} found it through Tomcat's leak detection.
     */
    private static void deregisterOwnDrivers() {
        ClassLoader own = Bootstrap.class.getClassLoader();
        for (int pass = 0; pass < 2; pass++) {
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
}
