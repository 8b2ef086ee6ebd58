package io.resguardo.web.admin;

import io.resguardo.core.ErrorCode;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.audit.AuditRecord;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.web.http.Endpoint;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.Problems;
import io.resguardo.web.log.SafeLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/api/outbox/{eventId}/redeliver}: puts a shop event back in the queue, due now, whatever its
 * status (a {@code DEAD} one included), and records who did it in the audit log. {@code 200} with the event;
 * {@code 404 NOT_FOUND} for an unknown event or any other path under {@code /admin/api/outbox/}. The admin filter
 * has already required the {@code X-Requested-With} header.
 */
final class RedeliverServlet extends Endpoint {
    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})/redeliver");

    private final transient Database database;
    private final transient SafeLog log;

    RedeliverServlet(Database database, SafeLog log) {
        super("POST");
        this.database = database;
        this.log = log;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> id = AdminPath.id(PATH, request, response);
        if (id.isEmpty()) {
            return;
        }
        String eventId = id.get();
        try {
            Optional<OutboxEvent> event = database.outbox().find(eventId);
            if (event.isEmpty() || !database.outbox().redeliver(eventId)) {
                Problems.write(request, response, ErrorCode.NOT_FOUND, "no such outbox event");
                return;
            }
            String actor = AdminActor.of(request);
            database.audit().append(AuditRecord.of(actor, "outbox.redeliver",
                    event.get().transactionCode(), "eventId", eventId, "from", event.get().status().name()));
            log.info("admin: outbox event " + eventId + " queued again by " + actor);
            JsonAnswers.write(response, HttpServletResponse.SC_OK,
                    AdminJson.outboxEvent(database.outbox().find(eventId).orElse(event.get())));
        } catch (DatabaseException e) {
            JsonEndpoint.database(request, response, e, log);
        }
    }
}
