package io.resguardo.web.admin;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.KeyAge;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.VersionedKey;
import io.resguardo.core.throttle.ActiveBlock;
import io.resguardo.core.throttle.AddressKey;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.sql.outbox.OutboxStatus;
import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.http.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The read-only JSON answers of {@code /admin/api/*}, one method per endpoint. Thread-safe. */
final class AdminApi {
    private final AdminDependencies deps;
    private final Preflight preflight;
    private final Optional<AbuseGuard> guard;

    AdminApi(AdminDependencies deps, Preflight preflight, Optional<AbuseGuard> guard) {
        this.deps = deps;
        this.preflight = preflight;
        this.guard = guard;
    }

    /** {@code GET /admin/api/orders?status=&limit=}: newest first. */
    JsonObject orders(HttpServletRequest request) throws ValidationException {
        AdminQuery query = new AdminQuery(request);
        Optional<OrderStatus> status = query.constant("status", OrderStatus.class);
        int limit = query.limit();
        query.check();
        return AdminJson.orders(deps.database().orders().list(status, limit));
    }

    /** {@code GET /admin/api/notifications?cip=&limit=}: newest first, one row per distinct notification. */
    JsonObject notifications(HttpServletRequest request) throws ValidationException {
        AdminQuery query = new AdminQuery(request);
        Optional<String> cip = query.identifier("cip");
        int limit = query.limit();
        query.check();
        return AdminJson.notifications(deps.database().payments().notifications(cip, limit));
    }

    /** {@code GET /admin/api/outbox?status=&limit=}: newest first. */
    JsonObject outbox(HttpServletRequest request) throws ValidationException {
        AdminQuery query = new AdminQuery(request);
        Optional<OutboxStatus> status = query.constant("status", OutboxStatus.class);
        int limit = query.limit();
        query.check();
        return AdminJson.outbox(deps.database().outbox().list(status, limit));
    }

    /** {@code GET /admin/api/audit/verify}. */
    JsonObject auditVerify(HttpServletRequest request) {
        return AdminJson.verification(deps.database().audit().verify());
    }

    /** {@code GET /admin/api/preflight}. */
    JsonObject preflight(HttpServletRequest request) {
        return AdminJson.preflight(preflight.run());
    }

    /**
     * {@code GET /admin/api/summary}: what the dashboard shows at a glance. Orders and the outbox are read from the
     * database (every node); rejections and bans are this node's.
     */
    JsonObject summary(HttpServletRequest request) {
        JsonObjectBuilder orders = JsonBuilders.object();
        deps.database().orders().countByStatus().forEach((status, n) -> orders.add(status.name(), n));
        JsonObjectBuilder rejections = JsonBuilders.object();
        new TreeMap<>(deps.rejections().get()).forEach(rejections::add);
        return JsonBuilders.object()
                .add("environment", deps.config().environment().settingValue())
                .add("orders", orders)
                .add("outbox", JsonBuilders.object()
                        .add("pending", deps.database().outbox().pendingCount())
                        .add("dead", deps.database().outbox().deadCount()))
                .add("rejections", rejections)
                .add("bans", bans())
                .add("keys", keys())
                .add("rejectionsOverTime", AdminJson.array(deps.rejectionsOverTime().get(), minute -> {
                    JsonObjectBuilder counts = JsonBuilders.object();
                    new TreeMap<>(minute.counts()).forEach(counts::add);
                    return JsonBuilders.object().add("minute", minute.minute().toString()).add("counts", counts)
                            .build();
                }))
                .add("alerts", AdminJson.array(deps.alerts().get(), alert -> JsonBuilders.object()
                        .add("kind", alert.kind().label())
                        .add("at", alert.at().toString())
                        .add("value", alert.value())
                        .add("rule", alert.rule())
                        .add("meaning", alert.meaning())
                        .build()))
                .build();
    }

    private JsonArrayBuilder bans() {
        List<ActiveBlock<AddressKey>> bans = guard.map(AbuseGuard::activeBans).orElse(List.of());
        return AdminJson.array(bans, b -> JsonBuilders.object()
                .add("client", b.key().toString())
                .add("remainingSeconds", Math.max(1, b.remaining().toSeconds()))
                .build());
    }

    /** Every PagoEfectivo key with its age and validity, so an operator sees rotation coming and ending. */
    private JsonArrayBuilder keys() {
        KeyRing ring = deps.config().pagoEfectivoKeyRing();
        String currentId;
        try {
            currentId = ring.current().id();
        } catch (InvalidConfigurationException e) {
            currentId = "";
        }
        LocalDate today = LocalDate.now(ring.clock());
        JsonArrayBuilder keys = JsonBuilders.array();
        for (VersionedKey key : ring.keys()) {
            JsonObjectBuilder json = JsonBuilders.object()
                    .add("id", key.id())
                    .add("current", key.id().equals(currentId))
                    .add("validNow", key.isValidAt(ring.clock().instant()));
            Optional<KeyAge> age = key.issuedOn().map(created -> KeyAge.measure(key.id(), created, today));
            AdminJson.optional(json, "created", age.map(a -> a.created().toString()));
            if (age.isPresent()) {
                json.add("ageDays", age.get().ageDays());
            } else {
                json.addNull("ageDays");
            }
            AdminJson.optional(json, "rotationStatus", age.map(a -> a.status().name()));
            AdminJson.optional(json, "rotationDue", age.map(a -> a.rotationDue().toString()));
            AdminJson.optional(json, "validUntil", key.validUntil().map(AdminJson::time));
            keys.add(json);
        }
        return keys;
    }
}
