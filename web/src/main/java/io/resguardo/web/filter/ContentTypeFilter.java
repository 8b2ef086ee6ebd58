package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.Surface;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * Requires {@code application/json} (optionally {@code ; charset=utf-8}) for POST, PUT and PATCH to the webhook and
 * API surfaces, and for any other request that carries a body there: {@code 415 UNSUPPORTED_MEDIA_TYPE}
 * otherwise. A request without a body elsewhere (a sandbox {@code pay} with an empty body) passes. No init-params.
 */
public final class ContentTypeFilter extends HttpFilter {
    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (needsJson(request) && !isJson(request.getContentType())) {
            Problems.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean needsJson(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        Surface surface = Surface.of(request);
        if (surface == Surface.WEBHOOK || surface == Surface.API) {
            String method = request.getMethod();
            return hasBody || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }
        return hasBody && surface == Surface.SANDBOX;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }
}
