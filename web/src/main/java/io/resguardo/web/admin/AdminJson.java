package io.resguardo.web.admin;

import io.resguardo.core.audit.AuditEntry;
import io.resguardo.core.audit.ChainVerification;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.sql.payment.NotificationRecord;
import io.resguardo.web.api.OrderJson;
import io.resguardo.web.http.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of the admin API (CONTRACT section 3). Times are ISO-8601 in Lima time like the shop API's,
 * except in the audit export, which keeps the UTC form the chain hashes ({@link DateTimeFormatter#ISO_INSTANT}).
 * Absent values are JSON {@code null}.
 */
final class AdminJson {
    private static final ZoneOffset LIMA = ZoneOffset.ofHours(-5);

    private AdminJson() {
    }

    static JsonObject orders(List<Order> orders) {
        return JsonBuilders.object().add("orders", array(orders, OrderJson::of)).build();
    }

    static JsonObject notifications(List<NotificationRecord> records) {
        return JsonBuilders.object().add("notifications", array(records, AdminJson::notification)).build();
    }

    static JsonObject notification(NotificationRecord n) {
        JsonObjectBuilder json = JsonBuilders.object()
                .add("id", n.id())
                .add("eventType", n.eventType())
                .add("cip", n.cip())
                .add("operationNumber", n.operationNumber())
                .add("outcome", n.outcome().name());
        optional(json, "code", n.code().map(Enum::name));
        return json.add("receivedAt", time(n.receivedAt()))
                .add("keyId", n.keyId())
                .add("duplicates", n.duplicates())
                .build();
    }

    static JsonObject verification(ChainVerification v) {
        JsonObjectBuilder json = JsonBuilders.object().add("intact", v.intact()).add("entries", v.entries());
        if (v.firstBrokenSequence().isPresent()) {
            json.add("firstBrokenSequence", v.firstBrokenSequence().getAsLong());
        } else {
            json.addNull("firstBrokenSequence");
        }
        return json.build();
    }

    /**
     * One export line: every field the chain hashes, as stored, so an auditor recomputes it offline (core CLI
     * {@code audit-verify}). A flat object of strings and one integer, which core reads without a JSON library.
     */
    static JsonObject auditEntry(AuditEntry e) {
        return JsonBuilders.object()
                .add("sequence", e.sequence())
                .add("recordedAt", DateTimeFormatter.ISO_INSTANT.format(e.recordedAt()))
                .add("actor", e.actor())
                .add("action", e.action())
                .add("subject", e.subject())
                .add("detail", e.detail())
                .add("previousHash", e.previousHash())
                .add("entryHash", e.entryHash())
                .build();
    }

    static JsonObject outbox(List<OutboxEvent> events) {
        return JsonBuilders.object().add("events", array(events, AdminJson::outboxEvent)).build();
    }

    static JsonObject outboxEvent(OutboxEvent e) {
        JsonObjectBuilder json = JsonBuilders.object()
                .add("eventId", e.eventId())
                .add("eventType", e.eventType())
                .add("transactionCode", e.transactionCode())
                .add("status", e.status().name())
                .add("createdAt", time(e.createdAt()))
                .add("attempts", e.attempts())
                .add("nextAttemptAt", time(e.nextAttemptAt()));
        optional(json, "deliveredAt", e.deliveredAt().map(AdminJson::time));
        optional(json, "lastError", e.lastError());
        return json.build();
    }

    static JsonObject preflight(PreflightReport report) {
        return JsonBuilders.object()
                .add("ready", report.ready())
                .add("checks", array(report.checks(), c -> JsonBuilders.object()
                        .add("id", c.id())
                        .add("status", c.status().name())
                        .add("detail", c.detail())
                        .add("fix", c.fix())
                        .build()))
                .build();
    }

    static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LIMA).toString();
    }

    static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObject> json) {
        JsonArrayBuilder array = JsonBuilders.array();
        items.forEach(item -> array.add(json.apply(item)));
        return array;
    }

    static void optional(JsonObjectBuilder json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.add(name, value.get());
        } else {
            json.addNull(name);
        }
    }
}
