package io.resguardo.web.admin;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.http.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The id in an admin action's path ({@code /{id}/reconcile}, {@code /{id}/redeliver}). */
final class AdminPath {
    private AdminPath() {
    }

    /**
     * The first group of {@code pattern} matched against the request's path info; when it does not match, answers
     * {@code 404 NOT_FOUND} and returns empty.
     */
    static Optional<String> id(Pattern pattern, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Matcher path = pattern.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            Problems.write(request, response, ErrorCode.NOT_FOUND, "nothing here");
            return Optional.empty();
        }
        return Optional.of(path.group(1));
    }
}
