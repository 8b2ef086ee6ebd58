package io.resguardo.core.signature;

import io.resguardo.core.structuredfield.StructuredFields;

import java.util.Set;

/** Which component identifiers this implementation supports, and the checks on parameter values. */
final class Components {
    static final String METHOD = "@method";
    static final String TARGET_URI = "@target-uri";
    static final String AUTHORITY = "@authority";
    static final String SCHEME = "@scheme";
    static final String PATH = "@path";
    static final String QUERY = "@query";
    static final String REQUEST_TARGET = "@request-target";
    static final String CONTENT_DIGEST = "content-digest";

    static final Set<String> DERIVED = Set.of(METHOD, TARGET_URI, AUTHORITY, SCHEME, PATH, QUERY, REQUEST_TARGET);

    static final int MAX_NONCE_LENGTH = 128;
    static final int MAX_KEY_ID_LENGTH = 128;
    static final int MAX_TEXT_PARAMETER_LENGTH = 256;

    private Components() {
    }

    /** Why {@code name} is not a supported component identifier, or {@code null} when it is. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "empty component name";
        }
        if (name.charAt(0) == '@') {
            return DERIVED.contains(name) ? null : "unsupported derived component " + quoted(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return "component name " + quoted(name) + " is not lowercase";
            }
            if (!StructuredFields.isTchar(c)) {
                return "component name " + quoted(name) + " is not a field name";
            }
        }
        return null;
    }

    /** Why {@code value} is not acceptable as a printable text parameter, or {@code null}. */
    static String textProblem(String what, String value, int maxLength) {
        if (value.isEmpty()) {
            return what + " is empty";
        }
        if (value.length() > maxLength) {
            return what + " is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c > 0x7e) {
                return what + " holds a space or a non-printable character";
            }
        }
        return null;
    }

    /** A component name for a message: printable ASCII only, shortened. */
    static String quoted(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (name.length() > 64) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
