package io.resguardo.web.admin;

import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.log.SafeLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.EnumSet;
import java.util.Objects;

/**
 * The admin surface of CONTRACT section 3: the {@link AdminFilter} on {@code /admin/*} and the dashboard and JSON
 * endpoints behind it. Also runs the {@link Preflight} once and logs it.
 *
 * <p>Requires {@code web.xml} to declare {@code login-config} BASIC and the security role {@value AdminFilter#ROLE}
 * (the WAR's does) and the container to define users with that role (a Tomcat realm, a WildFly security domain, a
 * Jetty login service).
 */
public final class AdminSurface {
    /** The logger of admin actions and of the start-up preflight. */
    public static final String LOGGER = "io.resguardo.admin";

    private AdminSurface() {
    }

    /**
     * Registers the admin filter, mapped to {@code /admin/*} for REQUEST dispatches after every filter registered so
     * far (so the HTTPS and allowlist filters run first), and the admin servlets; then runs the preflight and logs one
     * line per FAIL or WARN and a summary line.
     *
     * @return the preflight report of start-up
     */
    public static PreflightReport register(ServletContext context, AdminDependencies deps) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(deps, "deps");
        SafeLog log = new SafeLog(LOGGER, deps.redactor());
        Preflight preflight = new Preflight(deps.config(), deps.database(), deps.redactor(), deps.clockOffset());
        AdminApi api = new AdminApi(deps, preflight, AbuseGuard.of(context));

        FilterRegistration.Dynamic filter = context.addFilter("admin", new AdminFilter());
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/admin/*");

        servlet(context, "admin-dashboard", new DashboardServlet(), DashboardServlet.paths());
        servlet(context, "admin-orders", new JsonEndpoint(api::orders, log), "/admin/api/orders");
        servlet(context, "admin-reconcile", new ReconcileServlet(deps.database(), deps.reconciler(), log),
                "/admin/api/orders/*");
        servlet(context, "admin-notifications", new JsonEndpoint(api::notifications, log), "/admin/api/notifications");
        servlet(context, "admin-audit-verify", new JsonEndpoint(api::auditVerify, log), "/admin/api/audit/verify");
        servlet(context, "admin-audit-export", new AuditExportServlet(deps.database(), log), "/admin/api/audit/export");
        servlet(context, "admin-outbox", new JsonEndpoint(api::outbox, log), "/admin/api/outbox");
        servlet(context, "admin-redeliver", new RedeliverServlet(deps.database(), log), "/admin/api/outbox/*");
        servlet(context, "admin-preflight", new JsonEndpoint(api::preflight, log), "/admin/api/preflight");
        servlet(context, "admin-summary", new JsonEndpoint(api::summary, log), "/admin/api/summary");

        PreflightReport report = preflight.run();
        logPreflight(report, log);
        return report;
    }

    static void logPreflight(PreflightReport report, SafeLog log) {
        for (PreflightCheck check : report.checks()) {
            if (check.status() != CheckStatus.PASS) {
                log.warning("preflight " + check.status() + " " + check.id() + ": " + check.detail() + " (fix: "
                        + check.fix() + ")");
            }
        }
        String summary = "preflight: " + (report.ready() ? "ready" : "NOT ready") + " for production ("
                + report.count(CheckStatus.PASS) + " pass, " + report.count(CheckStatus.WARN) + " warn, "
                + report.count(CheckStatus.FAIL) + " fail)";
        if (report.ready()) {
            log.info(summary);
        } else {
            log.warning(summary);
        }
    }

    private static void servlet(ServletContext context, String name, Servlet servlet, String... patterns) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(patterns);
        registration.setLoadOnStartup(1);
    }
}
