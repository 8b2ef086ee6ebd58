package io.resguardo.web.filter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/** A filter for HTTP requests only, with init-param helpers for the standalone form. */
abstract class HttpFilter implements Filter {
    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            filter(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    abstract void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException;

    static Optional<String> param(FilterConfig config, String name) {
        String value = config.getInitParameter(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A bad init-param fails the deployment, naming the filter and the parameter. */
    static ServletException invalid(FilterConfig config, String name, RuntimeException cause) {
        return new ServletException("filter " + config.getFilterName() + ": init-param " + name + ": "
                + cause.getMessage());
    }
}
