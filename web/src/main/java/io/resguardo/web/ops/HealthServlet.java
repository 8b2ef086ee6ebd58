package io.resguardo.web.ops;

import io.resguardo.core.ErrorCode;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseException;
import io.resguardo.sql.DatabaseUnavailableException;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.JsonBuilders;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Endpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /health} for load balancers: {@code 200 {"status":"UP"}} when the database answers, else
 * {@code 503 SERVICE_UNAVAILABLE} with Retry-After. Nothing else: no versions, no settings, no error text.
 */
public final class HealthServlet extends Endpoint {
    private static final long serialVersionUID = 1L;

    private final transient Database database;

    public HealthServlet(Database database) {
        super("GET", "HEAD");
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            database.ping();
        } catch (DatabaseException e) {
            Problems.writeRetryAfter(request, response, ErrorCode.SERVICE_UNAVAILABLE, "the database is unreachable",
                    DatabaseUnavailableException.RETRY_AFTER_SECONDS);
            return;
        }
        JsonAnswers.write(response, HttpServletResponse.SC_OK, JsonBuilders.object().add("status", "UP").build());
    }
}
