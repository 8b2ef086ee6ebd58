package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Ows;
import io.resguardo.core.structuredfield.StructuredFields;

import java.util.List;
import java.util.Locale;

/** Builds the signature base of RFC 9421 section 2.5 and derives component values (section 2.2). */
final class SignatureBase {
    private SignatureBase() {
    }

    static String build(HttpRequestView request, SignatureInput input) throws ResguardoException {
        StringBuilder out = new StringBuilder(256);
        for (String component : input.parameters().components()) {
            StructuredFields.appendString(out, component);
            out.append(": ");
            int start = out.length();
            appendValue(out, request, component);
            checkValue(out, start, component);
            out.append('\n');
        }
        out.append("\"@signature-params\": ").append(input.signatureParamsValue());
        return out.toString();
    }

    private static void appendValue(StringBuilder out, HttpRequestView request, String component)
            throws ResguardoException {
        switch (component) {
            case Components.METHOD -> out.append(request.method());
            case Components.TARGET_URI -> appendTargetUri(out, request);
            case Components.AUTHORITY -> out.append(authority(request));
            case Components.SCHEME -> out.append(scheme(request));
            case Components.PATH -> out.append(path(request));
            case Components.QUERY -> out.append('?').append(request.query() == null ? "" : request.query());
            case Components.REQUEST_TARGET -> appendRequestTarget(out, request);
            default -> appendField(out, request, component);
        }
    }

    private static void appendTargetUri(StringBuilder out, HttpRequestView request) throws ResguardoException {
        out.append(scheme(request)).append("://").append(authority(request));
        appendRequestTarget(out, request);
    }

    private static void appendRequestTarget(StringBuilder out, HttpRequestView request)
            throws ResguardoException {
        out.append(path(request));
        if (request.query() != null) {
            out.append('?').append(request.query());
        }
    }

    private static String scheme(HttpRequestView request) {
        return request.scheme().toLowerCase(Locale.ROOT);
    }

    private static String path(HttpRequestView request) throws ResguardoException {
        String path = request.path();
        // A '?' or '#' here would read as a query or fragment in @target-uri and @request-target.
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID, "the request path holds '?' or '#'");
        }
        return path.isEmpty() ? "/" : path;
    }

    /** Lowercase host, port dropped when it is the scheme's default (RFC 9421 section 2.2.3). */
    private static String authority(HttpRequestView request) throws ResguardoException {
        String raw = request.authority();
        // Checked before lowercasing (which maps some non-ASCII letters to ASCII ones) and limited to host and
        // port: a '/', '?' or '#' would let another target produce the same @target-uri line.
        if (raw.isEmpty() || !isHostAndPort(raw)) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                    "the request authority is empty, carries user information, or is not a host and port");
        }
        String authority = raw.toLowerCase(Locale.ROOT);
        String scheme = scheme(request);
        String defaultPort = "https".equals(scheme) ? ":443" : "http".equals(scheme) ? ":80" : null;
        if (defaultPort != null && authority.endsWith(defaultPort)) {
            return authority.substring(0, authority.length() - defaultPort.length());
        }
        return authority;
    }

    /** RFC 3986 host and optional port: unreserved, pct-encoded, sub-delims, the colon and IP-literal brackets. */
    private static boolean isHostAndPort(String authority) {
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~%!$&'()*+,;=:[]".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void appendField(StringBuilder out, HttpRequestView request, String name)
            throws ResguardoException {
        List<String> values = request.headerValues(name);
        if (values.isEmpty()) {
            throw new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                    "covered component " + Components.quoted(name) + " is missing from the request");
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String value = values.get(i);
            int start = Ows.skipLeading(value, 0, value.length());
            out.append(value, start, Ows.trimTrailing(value, start, value.length()));
        }
    }

    /** The base is US-ASCII, one line per component: anything else could forge or split a line. */
    private static void checkValue(StringBuilder out, int start, String component) throws ResguardoException {
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c > 0x7e || (c < 0x20 && c != '\t')) {
                throw new ResguardoException(ErrorCode.SIGNATURE_INVALID,
                        "covered component " + Components.quoted(component)
                                + " holds a non-ASCII or control character");
            }
        }
    }
}
