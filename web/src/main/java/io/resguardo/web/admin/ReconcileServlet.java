package io.resguardo.web.admin;

import io.resguardo.core.ErrorCode;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.audit.AuditRecord;
import io.resguardo.sql.order.Order;
import io.resguardo.web.api.OrderJson;
import io.resguardo.web.http.Endpoint;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.Problems;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.reconcile.Reconciler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/api/orders/{transactionCode}/reconcile}: asks PagoEfectivo about one order now and settles it
 * through {@link Reconciler#reconcile(Order)}, the scheduled reconciler's rules and ledger path.
 *
 * <p>Answers: {@code 200} with the order as the shop API writes it, after the check, also when there was nothing to
 * do (the order was no longer {@code PENDING}, or PagoEfectivo still reports it pending): asking twice, or two
 * operators asking at once, is harmless, and the answer shows the state either way. {@code 404 NOT_FOUND} for an
 * unknown order or any other path; {@code 502 UPSTREAM_UNAVAILABLE} when PagoEfectivo could not answer (nothing
 * changed). Every request for a known order is recorded in the audit log as {@code order.reconcile_requested} by
 * {@code admin:<user>} before PagoEfectivo is asked; a move it causes is recorded as the reconciler's. The admin
 * filter has already required the {@code X-Requested-With} header.
 */
final class ReconcileServlet extends Endpoint {
    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,36})/reconcile");

    private final transient Database database;
    private final transient Reconciler reconciler;
    private final transient SafeLog log;

    ReconcileServlet(Database database, Reconciler reconciler, SafeLog log) {
        super("POST");
        this.database = database;
        this.reconciler = reconciler;
        this.log = log;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> id = AdminPath.id(PATH, request, response);
        if (id.isEmpty()) {
            return;
        }
        String transactionCode = id.get();
        try {
            Optional<Order> order = database.orders().findByTransactionCode(transactionCode);
            if (order.isEmpty()) {
                Problems.write(request, response, ErrorCode.NOT_FOUND, "no such order");
                return;
            }
            String actor = AdminActor.of(request);
            database.audit().append(AuditRecord.of(actor, "order.reconcile_requested", transactionCode,
                    "transactionCode", transactionCode, "status", order.get().status().name()));
            Reconciler.Outcome outcome = reconciler.reconcile(order.get());
            log.info("admin: order " + transactionCode + " checked with PagoEfectivo by " + actor + ": " + outcome);
            if (outcome == Reconciler.Outcome.UPSTREAM_UNAVAILABLE) {
                Problems.write(request, response, ErrorCode.UPSTREAM_UNAVAILABLE,
                        "PagoEfectivo could not answer; the order is unchanged");
                return;
            }
            Order after = database.orders().findById(order.get().id()).orElse(order.get());
            JsonAnswers.write(response, HttpServletResponse.SC_OK, OrderJson.of(after));
        } catch (DatabaseException e) {
            JsonEndpoint.database(request, response, e, log);
        }
    }
}
