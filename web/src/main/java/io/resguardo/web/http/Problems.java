package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.validation.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code application/problem+json} answers (RFC 9457, CONTRACT section 6): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code}, {@code requestId}, and {@code errors} for validation. The detail is
 * always text we wrote, never an exception message, a secret or a stack trace. The code is kept as a request
 * attribute for the access log and metrics.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** The request attribute holding the code of the problem answered, if any. */
    public static final String CODE_ATTRIBUTE = "io.resguardo.problemCode";
    /** The type URIs: {@code urn:resguardo:problem:signature-invalid}. */
    public static final String TYPE_PREFIX = "urn:resguardo:problem:";

    private Problems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, code, detail, List.of(), 0);
    }

    /** With {@code Retry-After}, whole seconds, at least 1. */
    public static void writeRetryAfter(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                                       String detail, long retryAfterSeconds) throws IOException {
        write(request, response, code, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    /** A validation problem listing every field error. */
    public static void writeValidation(HttpServletRequest request, HttpServletResponse response,
                                       List<FieldError> errors) throws IOException {
        write(request, response, ErrorCode.VALIDATION_FAILED, errors.size() == 1
                ? "1 field is invalid" : errors.size() + " fields are invalid", errors, 0);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                              String detail, List<FieldError> errors, long retryAfter) throws IOException {
        request.setAttribute(CODE_ATTRIBUTE, code);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        String requestId = RequestIds.of(request);
        if (requestId.equals("-") && response.getHeader(RequestIds.HEADER) != null) {
            // An error dispatch may not see the attributes of the original request; the header is still set.
            requestId = response.getHeader(RequestIds.HEADER);
        }
        byte[] body = body(code, detail, requestId, errors).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    static String body(ErrorCode code, String detail, String requestId, List<FieldError> errors) {
        JsonObjectBuilder problem = JsonBuilders.object()
                .add("type", TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("title", code.title())
                .add("status", code.httpStatus())
                .add("detail", detail)
                .add("code", code.name())
                .add("requestId", requestId);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JsonBuilders.array();
            for (FieldError e : errors) {
                list.add(JsonBuilders.object().add("field", e.field()).add("code", e.code().name())
                        .add("message", e.message()));
            }
            problem.add("errors", list);
        }
        return problem.build().toString();
    }
}
