package io.resguardo.web.pagoefectivo;

import java.util.function.Supplier;

/**
 * One API call as the retry loop runs it.
 *
 * @param name          method and path template for logs and messages ({@code POST /v1/cips}): never a body value
 * @param body          evaluated per attempt (the authorization signs the time of each attempt); {@code null} body
 *                      for none
 * @param authenticated whether a bearer token is sent (every call but the authorization)
 * @param repeatable    whether an attempt that may have reached the server can be repeated; only CIP creation is not
 * @param authorization whether this is the authorization call, whose refusals are credential problems
 */
record Call<T>(
        String name,
        String method,
        String path,
        Supplier<String> body,
        boolean authenticated,
        boolean repeatable,
        boolean authorization,
        Reader<T> reader) {

    /** Turns a 2xx answer into the result, or throws. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Response response) throws PagoEfectivoException;
    }

    static <T> Call<T> repeatable(String name, String method, String path, Supplier<String> body, Reader<T> reader) {
        return new Call<>(name, method, path, body, true, true, false, reader);
    }
}
