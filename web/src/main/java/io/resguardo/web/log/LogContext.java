package io.resguardo.web.log;

/**
 * The request id of the request the current thread serves, for log records. Holds a {@code String} only (a JDK
 * type), so a container's class-loader leak check has nothing to report after undeploy, and is always cleared by
 * the request id filter.
 */
public final class LogContext {
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private LogContext() {
    }

    public static void enter(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void leave() {
        REQUEST_ID.remove();
    }

    /** The current request id, or {@code -} outside a request. */
    public static String requestId() {
        String id = REQUEST_ID.get();
        return id == null ? "-" : id;
    }
}
