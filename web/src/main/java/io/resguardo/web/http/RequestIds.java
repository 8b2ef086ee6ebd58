package io.resguardo.web.http;

import jakarta.servlet.http.HttpServletRequest;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids (CONTRACT section 6): an incoming {@code X-Request-Id} of 1..64 characters of
 * {@code [A-Za-z0-9._-]} is kept, anything else replaced by a generated one (32 hex digits).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the request's id. */
    public static final String ATTRIBUTE = "io.resguardo.requestId";

    /** The incoming id when valid, else a new one. */
    public String choose(String incoming) {
        return isValid(incoming) ? incoming : generate();
    }

    /**
     * A new id: 128 random bits. A request id correlates log records; it is neither a secret nor a token (the client
     * may choose it), so it comes from {@link ThreadLocalRandom}. A {@code SecureRandom} shared by every request
     * thread was measured costing up to 40 ms waits per request under load: the JDK's NativePRNG reads
     * {@code /dev/urandom} under one global lock.
     */
    public String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The id the request id filter gave this request; "-" when it did not run. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : "-";
    }
}
