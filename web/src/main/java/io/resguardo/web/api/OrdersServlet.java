package io.resguardo.web.api;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.VerifiedSignature;
import io.resguardo.core.throttle.RateLimitedException;
import io.resguardo.core.validation.OrderValidator;
import io.resguardo.core.validation.ValidOrder;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.sql.order.CreateResult;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStore;
import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.filter.BodyLimitFilter;
import io.resguardo.web.http.Bodies;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.StrictJson;
import io.resguardo.web.http.Surface;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.http.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shop API: {@code POST /api/v1/orders} and {@code GET /api/v1/orders/{transactionCode}}.
 *
 * <p>Every request is authenticated first (RFC 9421, nonce recorded in the database so a replay fails on any node
 * and after restarts); failures are {@code 401} with their code and count toward the client's ban. Then the key's
 * own throttle. A new order is validated (every field error in one {@code 422}), stored {@code PENDING}
 * (idempotent on the transaction code: {@code 200} with the stored order for a retry, {@code 409
 * IDEMPOTENCY_CONFLICT} when it differs), then given its CIP through the {@link CipIssuer}: {@code 201} with
 * {@code Location}, or {@code 502 UPSTREAM_UNAVAILABLE} with the order kept.
 */
public final class OrdersServlet extends Endpoint {
    private static final long serialVersionUID = 1L;
    private static final String COLLECTION = "/api/v1/orders";
    private static final Pattern TRANSACTION_CODE = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private final transient ShopAuthenticator authenticator;
    private final transient OrderValidator validator;
    private final transient OrderStore orders;
    private final transient CipIssuer cips;
    private final transient AbuseGuard guard;
    private final transient Redactor redactor;
    private final transient SafeLog log;
    private final transient StrictJson json = new StrictJson();
    private final int maxBodyBytes;

    public OrdersServlet(MessageSignatureVerifier verifier, OrderValidator validator, OrderStore orders,
                         CipIssuer cips, AbuseGuard guard, Redactor redactor, int maxBodyBytes) {
        super("GET", "POST");
        this.authenticator = new ShopAuthenticator(verifier);
        this.validator = validator;
        this.orders = orders;
        this.cips = cips;
        this.guard = guard;
        this.redactor = redactor;
        this.maxBodyBytes = maxBodyBytes;
        this.log = new SafeLog("io.resguardo.api", redactor);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Surface.pathOf(request).equals(COLLECTION)) {
            Problems.write(request, response, ErrorCode.METHOD_NOT_ALLOWED, "POST only to " + COLLECTION);
            return;
        }
        byte[] body;
        try {
            body = Bodies.read(request, maxBodyBytes);
        } catch (BodyLimitFilter.BodyTooLargeException | ResguardoException e) {
            BodyLimitFilter.refuse(request, response, maxBodyBytes);
            return;
        }
        Optional<VerifiedSignature> shop = authenticate(request, response, body);
        if (shop.isEmpty()) {
            return;
        }
        try {
            ValidOrder order = validator.validate(OrderRequestReader.read(json.object(body)));
            create(request, response, order, "shop:" + shop.get().keyId());
        } catch (ValidationException e) {
            Problems.writeValidation(request, response, e.errors());
        } catch (ResguardoException e) {
            Problems.write(request, response, e.code(), redactor.redactForLog(e.getMessage(), 300));
        } catch (DatabaseException e) {
            database(request, response, e);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response, ValidOrder wanted, String actor)
            throws IOException {
        CreateResult result = orders.create(wanted, actor);
        switch (result.outcome()) {
            case CONFLICT -> Problems.write(request, response, ErrorCode.IDEMPOTENCY_CONFLICT,
                    "an order with this transactionCode exists with another amount, currency or customer");
            case EXISTING -> JsonAnswers.write(response, HttpServletResponse.SC_OK, OrderJson.of(result.order()));
            case CREATED -> issue(request, response, result.order());
        }
    }

    private void issue(HttpServletRequest request, HttpServletResponse response, Order order) throws IOException {
        Order issued;
        try {
            issued = cips.issue(order, ShopAuthenticator.deploymentBase(request));
        } catch (ValidationException e) {
            Problems.writeValidation(request, response, e.errors());
            return;
        } catch (ResguardoException e) {
            log.warning("CIP not issued for " + order.transactionCode() + ": " + e.code());
            Problems.write(request, response, ErrorCode.UPSTREAM_UNAVAILABLE,
                    "PagoEfectivo did not issue the CIP; the order is kept PENDING");
            return;
        }
        response.setHeader("Location", request.getContextPath() + COLLECTION + "/" + issued.transactionCode());
        JsonAnswers.write(response, HttpServletResponse.SC_CREATED, OrderJson.of(issued));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Surface.pathOf(request);
        String code = path.startsWith(COLLECTION + "/") ? path.substring(COLLECTION.length() + 1) : "";
        if (authenticate(request, response, new byte[0]).isEmpty()) {
            return;
        }
        if (!TRANSACTION_CODE.matcher(code).matches()) {
            Problems.write(request, response, ErrorCode.NOT_FOUND, "no such order");
            return;
        }
        try {
            Optional<Order> order = orders.findByTransactionCode(code);
            if (order.isEmpty()) {
                Problems.write(request, response, ErrorCode.NOT_FOUND, "no such order");
            } else {
                JsonAnswers.write(response, HttpServletResponse.SC_OK, OrderJson.of(order.get()));
            }
        } catch (DatabaseException e) {
            database(request, response, e);
        }
    }

    /** Verifies the signature and takes the key's throttle; answers and returns empty when either refuses. */
    private Optional<VerifiedSignature> authenticate(HttpServletRequest request, HttpServletResponse response,
                                                     byte[] body) throws IOException {
        VerifiedSignature verified;
        try {
            verified = authenticator.verify(request, body);
        } catch (ResguardoException e) {
            guard.recordFailure(request, e.code());
            if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                Problems.writeRetryAfter(request, response, e.code(), "the nonce could not be recorded; retry",
                        DatabaseUnavailableException.RETRY_AFTER_SECONDS);
            } else {
                Problems.write(request, response, e.code(), redactor.redactForLog(e.getMessage(), 300));
            }
            return Optional.empty();
        }
        try {
            guard.acquireForKey(verified.keyId());
        } catch (RateLimitedException e) {
            Problems.writeRetryAfter(request, response, e.code(), "slow down", e.retryAfterSeconds());
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    private void database(HttpServletRequest request, HttpServletResponse response, DatabaseException e)
            throws IOException {
        if (e instanceof DatabaseUnavailableException unavailable) {
            log.warning("database unavailable: " + e.getMessage());
            Problems.writeRetryAfter(request, response, ErrorCode.SERVICE_UNAVAILABLE, "try again shortly",
                    unavailable.retryAfterSeconds());
        } else {
            log.severe("database failure: " + e.getMessage());
            Problems.write(request, response, ErrorCode.INTERNAL_ERROR, "the request could not be completed");
        }
    }
}
