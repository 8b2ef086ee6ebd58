package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * A servlet that answers a method it does not serve with {@code 405 METHOD_NOT_ALLOWED} as problem+json and an
 * {@code Allow} header itself, rather than through {@code sendError}: some containers (Jetty) dispatch to the error
 * page only for GET, POST and HEAD, and would answer a DELETE with an empty body.
 */
public abstract class Endpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final Set<String> methods;
    private final String allow;

    protected Endpoint(String... methods) {
        this.methods = Set.of(methods);
        this.allow = String.join(", ", methods);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!methods.contains(request.getMethod())) {
            response.setHeader("Allow", allow);
            Problems.write(request, response, ErrorCode.METHOD_NOT_ALLOWED, "allowed here: " + allow);
            return;
        }
        super.service(request, response);
    }
}
