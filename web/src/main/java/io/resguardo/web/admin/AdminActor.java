package io.resguardo.web.admin;

import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.regex.Pattern;

/** The audit log's actor for an admin action: {@code admin:<user>}. */
final class AdminActor {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AdminActor() {
    }

    /** {@code admin:<user>} when the user name is a plain token, else {@code admin}. */
    static String of(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return user != null && USER.matcher(user.getName()).matches() ? "admin:" + user.getName() : "admin";
    }
}
