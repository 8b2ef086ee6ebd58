package io.resguardo.core.allowlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 7239 {@code Forwarded} parser. Every occurrence of the header is one list (RFC 9110 section 5.3):
 * elements are separated by commas, pairs by semicolons, values are tokens or quoted strings, parameter names are
 * case-insensitive. A syntax error spoils only the element it occurs in, which is kept as a malformed
 * placeholder: the resolver decides whether its walk reaches it.
 */
final class ForwardedHeader {
    /**
     * One forwarded-element.
     *
     * @param forAddress the {@code for=} node's address; {@code null} when absent, {@code unknown}, obfuscated or
     *     not a valid node
     * @param proto the {@code proto=} value as sent, or {@code null}
     * @param host the {@code host=} value as sent, or {@code null}
     * @param malformed whether the element broke the grammar (including a repeated parameter)
     */
    record Element(IpAddress forAddress, String proto, String host, boolean malformed) {
        static final Element MALFORMED = new Element(null, null, null, true);
    }

    private final String text;
    private int pos;

    private ForwardedHeader(String text) {
        this.text = text;
    }

    /** The elements of every occurrence, in order; {@code null} occurrences are skipped. */
    static List<Element> parse(List<String> occurrences) {
        List<Element> elements = new ArrayList<>();
        for (String occurrence : occurrences) {
            if (occurrence != null) {
                new ForwardedHeader(occurrence).parseInto(elements);
            }
        }
        return elements;
    }

    private void parseInto(List<Element> out) {
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                return;
            }
            if (text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            Element element = parseElement();
            if (element == null) {
                out.add(Element.MALFORMED);
                if (!skipToNextElement()) {
                    return;
                }
            } else {
                out.add(element);
            }
        }
    }

    /** Parses pairs up to the end of the element (consuming its comma); {@code null} on a syntax error. */
    private Element parseElement() {
        String forValue = null;
        String proto = null;
        String host = null;
        boolean by = false;
        while (true) {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == ';') {
                pos++;
                continue;
            }
            if (pos >= text.length() || text.charAt(pos) == ',') {
                break;
            }
            String name = token();
            if (name == null || pos >= text.length() || text.charAt(pos) != '=') {
                return null;
            }
            pos++;
            String value = pos < text.length() && text.charAt(pos) == '"' ? quotedString() : token();
            if (value == null) {
                return null;
            }
            // RFC 7239 section 4: a parameter MUST NOT occur more than once per element.
            switch (name.toLowerCase(Locale.ROOT)) {
                case "for" -> {
                    if (forValue != null) {
                        return null;
                    }
                    forValue = value;
                }
                case "proto" -> {
                    if (proto != null) {
                        return null;
                    }
                    proto = value;
                }
                case "host" -> {
                    if (host != null) {
                        return null;
                    }
                    host = value;
                }
                case "by" -> {
                    if (by) {
                        return null;
                    }
                    by = true;
                }
                default -> {
                    // Extension parameters are allowed and ignored.
                }
            }
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) != ';' && text.charAt(pos) != ',') {
                return null;
            }
        }
        if (pos < text.length()) {
            pos++;
        }
        IpAddress forAddress = forValue == null ? null : Literals.parseForwardedNode(forValue);
        return new Element(forAddress, proto, host, false);
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return pos == start ? null : text.substring(start, pos);
    }

    private String quotedString() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (pos >= text.length() || !isQuotedPairChar(text.charAt(pos))) {
                    return null;
                }
                value.append(text.charAt(pos++));
            } else if (isQdText(c)) {
                value.append(c);
            } else {
                return null;
            }
        }
        return null;
    }

    /** Moves past the next comma outside a quoted string; {@code false} when the text ends first. */
    private boolean skipToNextElement() {
        boolean quoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted && c == '\\') {
                pos++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(char c) {
        return Literals.isAlphaNumeric(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isQdText(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || c >= 0x23 && c <= 0x5b || c >= 0x5d && c <= 0x7e
                || c >= 0x80 && c <= 0xff;
    }

    private static boolean isQuotedPairChar(char c) {
        return c == '\t' || c >= 0x20 && c <= 0x7e || c >= 0x80 && c <= 0xff;
    }
}
