package io.resguardo.web.webhook;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.web.filter.AbuseGuard;
import io.resguardo.web.filter.BodyLimitFilter;
import io.resguardo.web.http.Bodies;
import io.resguardo.web.http.Endpoint;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.JsonBuilders;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code POST /webhooks/pagoefectivo} (CONTRACT sections 2, 3, 6): reads the body and hands it to the
 * {@link NotificationIntake}. In this order, each step answering on failure:
 * <ol>
 *   <li>read the raw bytes once, at most the body limit ({@code 413});</li>
 *   <li>verify {@code PE-Signature} over exactly those bytes with any valid key ({@code 401 SIGNATURE_MISSING} /
 *       {@code SIGNATURE_INVALID}, counted toward the client's ban);</li>
 *   <li>parse strictly ({@code 400 MALFORMED_JSON}) and read the fields ({@code 422 VALIDATION_FAILED});</li>
 *   <li>apply through the ledger in one transaction ({@code 503} with Retry-After when the database is down, so
 *       PagoEfectivo's retry lands once it is back);</li>
 *   <li>answer {@code 200 {"status":"ACCEPTED"|"DUPLICATE"}}, or the rejection the ledger recorded
 *       ({@code 404 UNKNOWN_CIP}, {@code 422 AMOUNT_MISMATCH} / {@code CURRENCY_MISMATCH},
 *       {@code 409 INVALID_TRANSITION}), with an alert record: an authentic notification that does not fit the
 *       order means something is wrong on one side. A repeat of a notification gets the first arrival's answer,
 *       with {@code DUPLICATE} for an accepted one.</li>
 * </ol>
 */
public final class NotificationServlet extends Endpoint {
    private static final long serialVersionUID = 1L;

    private final transient NotificationIntake intake;
    private final transient AbuseGuard guard;
    private final int maxBodyBytes;

    public NotificationServlet(NotificationIntake intake, AbuseGuard guard, int maxBodyBytes) {
        super("POST");
        this.intake = intake;
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = Bodies.read(request, maxBodyBytes);
        } catch (BodyLimitFilter.BodyTooLargeException | ResguardoException e) {
            BodyLimitFilter.refuse(request, response, maxBodyBytes);
            return;
        }
        NotificationIntake.Receipt receipt = intake.receive(body, request.getHeader("PE-Signature"));
        if (receipt.delivered()) {
            JsonAnswers.write(response, HttpServletResponse.SC_OK, JsonBuilders.object()
                    .add("status", receipt.outcome()).add("requestId", RequestIds.of(request)).build());
            return;
        }
        if (receipt.authenticationFailed()) {
            guard.recordFailure(request, receipt.code());
        }
        if (receipt.code() == ErrorCode.VALIDATION_FAILED) {
            Problems.writeValidation(request, response, receipt.errors());
        } else if (receipt.retryAfterSeconds() > 0) {
            Problems.writeRetryAfter(request, response, receipt.code(), receipt.detail(),
                    receipt.retryAfterSeconds());
        } else {
            Problems.write(request, response, receipt.code(), receipt.detail());
        }
    }
}
