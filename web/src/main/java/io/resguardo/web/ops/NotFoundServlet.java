package io.resguardo.web.ops;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.http.Problems;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Mapped to {@code /} in place of the container's default servlet: every path no endpoint serves is
 * {@code 404 NOT_FOUND} as problem+json, and nothing of the WAR is served as a static file or listed.
 */
public final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, ErrorCode.NOT_FOUND, "nothing here");
    }
}
