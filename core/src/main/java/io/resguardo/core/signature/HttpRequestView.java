package io.resguardo.core.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an HTTP request that a message signature can cover: the method, the target URI as the client used it
 * (scheme, authority, path and query, still percent-encoded), the header fields in order, and the body bytes.
 *
 * <p>Immutable and thread-safe; the body is copied in and out. Construction checks only for {@code null}, so a view
 * can be built from any request without an unchecked exception: the characters are checked when a signature base
 * is built, and a bad one is reported there as a {@link io.resguardo.core.ResguardoException}.
 */
public final class HttpRequestView {
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String scheme;
    private final String authority;
    private final String path;
    private final String query;
    private final List<Map.Entry<String, String>> headers;
    private final Map<String, List<String>> byName;
    private final byte[] body;

    private HttpRequestView(Builder b) {
        this.method = b.method;
        this.scheme = b.scheme;
        this.authority = b.authority;
        this.path = b.path;
        this.query = b.query;
        this.headers = List.copyOf(b.headers);
        Map<String, List<String>> index = new HashMap<>();
        for (Map.Entry<String, String> h : headers) {
            index.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.getValue());
        }
        index.replaceAll((k, v) -> Collections.unmodifiableList(v));
        this.byName = index;
        this.body = b.body;
    }

    /**
     * A builder from the target URI parts.
     *
     * @param method the request method, as sent
     * @param scheme {@code http} or {@code https} (any case)
     * @param authority host and optional port as the client used them ({@code Host} or the absolute-form target)
     * @param path the raw (percent-encoded) path; empty means {@code /}
     * @param query the raw query without {@code ?}, {@code null} when the target has none
     */
    public static Builder builder(String method, String scheme, String authority, String path, String query) {
        return new Builder(method, scheme, authority, path, query);
    }

    /**
     * A builder from an absolute URI (its raw authority, path and query are used).
     *
     * @throws NullPointerException when {@code uri} has no scheme or no authority
     */
    public static Builder builder(String method, URI uri) {
        Objects.requireNonNull(uri, "uri");
        String path = uri.getRawPath();
        return new Builder(method, Objects.requireNonNull(uri.getScheme(), "uri has no scheme"),
                Objects.requireNonNull(uri.getRawAuthority(), "uri has no authority"), path == null ? "" : path,
                uri.getRawQuery());
    }

    public String method() {
        return method;
    }

    public String scheme() {
        return scheme;
    }

    public String authority() {
        return authority;
    }

    /** The raw path as given (possibly empty). */
    public String path() {
        return path;
    }

    /** The raw query without {@code ?}; {@code null} when the target has no query. */
    public String query() {
        return query;
    }

    /** All header fields in order, names as given. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Every value of header field {@code name} (case-insensitive) in order; empty when absent. */
    public List<String> headerValues(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** A copy of the body; empty when the request has none. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** The body itself, for this package's digest check only (never handed out). */
    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "HttpRequestView[" + method + " " + scheme + "://" + authority + path + (query == null ? "" : "?…")
                + ", " + headers.size() + " headers, " + body.length + " body bytes]";
    }

    /** Collects headers and body; {@link #build()} may be called more than once. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String scheme;
        private final String authority;
        private final String path;
        private final String query;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body = NO_BODY;

        private Builder(String method, String scheme, String authority, String path, String query) {
            this.method = Objects.requireNonNull(method, "method");
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            this.authority = Objects.requireNonNull(authority, "authority");
            this.path = Objects.requireNonNull(path, "path");
            this.query = query;
        }

        /** Adds one header field line; repeated names are kept in order. */
        public Builder header(String name, String value) {
            headers.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Sets the body (copied). */
        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "bytes").clone();
            return this;
        }

        public HttpRequestView build() {
            return new HttpRequestView(this);
        }
    }
}
