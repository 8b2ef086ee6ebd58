package io.resguardo.web.admin;

import io.resguardo.core.redact.Redactor;
import io.resguardo.sql.Database;
import io.resguardo.web.alert.AlertMonitor;
import io.resguardo.web.config.ResguardoConfig;
import io.resguardo.web.ops.RejectionTimeline;
import io.resguardo.web.reconcile.Reconciler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the admin surface reads. Built once at deployment by the bootstrap.
 *
 * @param config the validated configuration
 * @param database the open database (orders, notifications, outbox, audit log)
 * @param redactor the redactor the application logs through, primed with the configured secrets
 * @param clockOffset our clock minus PagoEfectivo's (from its {@code Date} header), empty when not measurable; called
 *     on every preflight, so it should answer from a recent measurement rather than make a call each time
 * @param rejections this node's rejected requests by error code since start (the metrics counters)
 * @param reconciler what {@code POST /admin/api/orders/{transactionCode}/reconcile} asks
 * @param alerts this node's recent alerts, newest first
 * @param rejectionsOverTime this node's rejections by code for the last minutes, newest first
 */
public record AdminDependencies(ResguardoConfig config, Database database, Redactor redactor,
                                Supplier<Optional<Duration>> clockOffset,
                                Supplier<Map<String, Long>> rejections, Reconciler reconciler,
                                Supplier<List<AlertMonitor.Alert>> alerts,
                                Supplier<List<RejectionTimeline.Minute>> rejectionsOverTime) {
    public AdminDependencies {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(rejections, "rejections");
        Objects.requireNonNull(reconciler, "reconciler");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(rejectionsOverTime, "rejectionsOverTime");
    }
}
