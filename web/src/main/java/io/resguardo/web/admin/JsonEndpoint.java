package io.resguardo.web.admin;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.web.http.Endpoint;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.Problems;
import io.resguardo.web.log.SafeLog;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A {@code GET} endpoint answering one JSON object; bad query parameters and database trouble are problems. */
final class JsonEndpoint extends Endpoint {
    private static final long serialVersionUID = 1L;

    /** Computes the answer of one request. */
    interface Answer {
        JsonObject answer(HttpServletRequest request) throws ValidationException;
    }

    private final transient Answer answer;
    private final transient SafeLog log;

    JsonEndpoint(Answer answer, SafeLog log) {
        super("GET");
        this.answer = answer;
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body;
        try {
            body = answer.answer(request);
        } catch (ValidationException e) {
            Problems.writeValidation(request, response, e.errors());
            return;
        } catch (DatabaseException e) {
            database(request, response, e, log);
            return;
        }
        JsonAnswers.write(response, HttpServletResponse.SC_OK, body);
    }

    /** 503 with Retry-After when the database is unreachable, else 500; the driver's text is logged, not sent. */
    static void database(HttpServletRequest request, HttpServletResponse response, DatabaseException e, SafeLog log)
            throws IOException {
        if (e instanceof DatabaseUnavailableException unavailable) {
            log.warning("admin: database unavailable: " + e.getMessage());
            Problems.writeRetryAfter(request, response, ErrorCode.SERVICE_UNAVAILABLE, "try again shortly",
                    unavailable.retryAfterSeconds());
        } else {
            log.severe("admin: database failure: " + e.getMessage());
            Problems.write(request, response, ErrorCode.INTERNAL_ERROR, "the request could not be completed");
        }
    }
}
