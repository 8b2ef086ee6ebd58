package io.resguardo.web.filter;

import io.resguardo.web.http.RequestIds;
import io.resguardo.web.log.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Gives every request an id (CONTRACT section 6): echoes a valid incoming {@code X-Request-Id}, else generates one;
 * sets it on the response before anything else can answer, keeps it as a request attribute, and attaches it to
 * log records written while the request runs. No init-params.
 */
public final class RequestIdFilter extends HttpFilter {
    private final RequestIds ids = new RequestIds();

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = ids.choose(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        LogContext.enter(id);
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.leave();
        }
    }
}
