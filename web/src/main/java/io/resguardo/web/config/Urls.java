package io.resguardo.web.config;


import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks of the URL settings. Messages name the setting, never the URL (it may carry a token in its query). */
final class Urls {

    private Urls() {
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host and without user information or fragment. User
     * information is refused because these URLs are printed in logs and the configuration dump; the calls are
     * authenticated by signatures or tokens instead.
     */
    static Optional<URI> absoluteHttp(String name, String text, Problems problems) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(name, "is not a valid URL");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null) {
            problems.add(name, "must be an absolute http:// or https:// URL with a host");
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(name, "must not contain a user name or password");
            return Optional.empty();
        }
        if (uri.getRawFragment() != null) {
            problems.add(name, "must not have a #fragment");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    static boolean isHttps(URI uri) {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The host in lower case without the trailing dot of a fully qualified name. */
    static String hostWithoutTrailingDot(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** The URL without a trailing {@code /}, so that {@code base + "/v1/…"} never doubles the slash. */
    static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** For logs: the query, which may hold a token, is replaced by {@code ?***}. */
    static String shown(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String shown = uri.getScheme() + "://" + uri.getRawAuthority() + path;
        return uri.getRawQuery() == null ? shown : shown + "?***";
    }
}
