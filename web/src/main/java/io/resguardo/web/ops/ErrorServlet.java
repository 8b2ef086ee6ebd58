package io.resguardo.web.ops;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.redact.Redactor;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.RequestIds;
import io.resguardo.web.log.SafeLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for every status and exception the container handles (declared in {@code web.xml}): answers
 * problem+json, never the container's HTML page or a stack trace. An uncaught exception is logged by class name
 * (its message may quote data) and answered {@code 500 INTERNAL_ERROR}.
 */
public final class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SafeLog log = new SafeLog("io.resguardo.errors", Redactor.standard());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            Problems.write(request, response, ErrorCode.NOT_FOUND, "nothing here");
            return;
        }
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (response.getHeader(RequestIds.HEADER) == null) {
            response.setHeader(RequestIds.HEADER, new RequestIds().generate());
        }
        ErrorCode code;
        if (thrown instanceof Throwable t) {
            log.severe("uncaught " + t.getClass().getName() + " at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
            code = ErrorCode.INTERNAL_ERROR;
        } else {
            code = codeFor(status instanceof Integer i ? i : 500);
        }
        Problems.write(request, response, code, detail(code));
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    private static String detail(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "nothing here";
            case METHOD_NOT_ALLOWED -> "this method is not served here";
            case INTERNAL_ERROR -> "an unexpected error occurred";
            default -> code.title();
        };
    }
}
