package io.resguardo.core.redact;

import java.util.function.UnaryOperator;

/**
 * Redacts a JSON document in one pass without building a tree, keeping it valid JSON:
 * <ul>
 *   <li>the value of a sensitive member (see {@link SensitiveKeys}) is masked by its kind, and so is everything nested
 *       in it; a masked number becomes a string ({@code "phone":987654321} becomes {@code "phone":"9***1"}), while
 *       {@code true}, {@code false} and {@code null} stay as they are;</li>
 *   <li>every other string, member names included, goes through the free-text rules and is re-escaped when they
 *       changed it;</li>
 *   <li>other numbers go through the free-text rules too (a known secret, six digits or more) and become strings
 *       when they changed them ({@code "cel":987654321} becomes {@code "cel":"9***1"}); amounts such as
 *       {@code 150.00} stay numbers.</li>
 * </ul>
 * Nesting is tracked on an explicit stack, so depth costs memory, not Java stack. Returns {@code null} for anything
 * that is not well-formed JSON, for the caller to fall back on free-text rules.
 */
final class JsonDocuments {
    private enum Expect {
        VALUE,
        VALUE_OR_END,
        KEY,
        KEY_OR_END,
        COLON,
        COMMA_OR_END,
        NOTHING
    }

    private static final SensitiveKeys.Kind[] KINDS = SensitiveKeys.Kind.values();

    private final String json;
    private final UnaryOperator<String> freeText;
    private final KnownSecrets secrets;
    private final StringBuilder out;
    /** One char per open container: '{' or '[' plus the ordinal of the kind its contents are masked as, times 2. */
    private final StringBuilder stack = new StringBuilder();
    private final StringBuilder decoded = new StringBuilder();
    private SensitiveKeys.Kind memberKind = SensitiveKeys.Kind.NONE;

    private JsonDocuments(String json, UnaryOperator<String> freeText, KnownSecrets secrets) {
        this.json = json;
        this.freeText = freeText;
        this.secrets = secrets;
        this.out = new StringBuilder(json.length() + 16);
    }

    static String redact(String json, UnaryOperator<String> freeText, KnownSecrets secrets) {
        return new JsonDocuments(json, freeText, secrets).run();
    }

    private String run() {
        Expect expect = Expect.VALUE;
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                out.append(c);
                i++;
                continue;
            }
            switch (expect) {
                case VALUE_OR_END, KEY_OR_END, COMMA_OR_END -> {
                    if ((c == ']' || c == '}') && !stack.isEmpty() && top() == (c == ']' ? '[' : '{')
                            && (expect != Expect.VALUE_OR_END || c == ']') && (expect != Expect.KEY_OR_END || c == '}')) {
                        stack.setLength(stack.length() - 1);
                        out.append(c);
                        i++;
                        expect = afterValue();
                        continue;
                    }
                    if (expect == Expect.COMMA_OR_END) {
                        if (c != ',') {
                            return null;
                        }
                        out.append(c);
                        i++;
                        expect = top() == '{' ? Expect.KEY : Expect.VALUE;
                        continue;
                    }
                    expect = expect == Expect.KEY_OR_END ? Expect.KEY : Expect.VALUE;
                }
                case KEY -> {
                    if (c != '"') {
                        return null;
                    }
                    i = key(i);
                    if (i < 0) {
                        return null;
                    }
                    expect = Expect.COLON;
                }
                case COLON -> {
                    if (c != ':') {
                        return null;
                    }
                    out.append(c);
                    i++;
                    expect = Expect.VALUE;
                }
                case VALUE -> {
                    SensitiveKeys.Kind kind = valueKind();
                    if (c == '{' || c == '[') {
                        stack.append((char) (c + (kind.ordinal() << 8)));
                        out.append(c);
                        i++;
                        expect = c == '{' ? Expect.KEY_OR_END : Expect.VALUE_OR_END;
                        continue;
                    }
                    i = scalar(i, kind);
                    if (i < 0) {
                        return null;
                    }
                    expect = afterValue();
                }
                default -> {
                    return null;
                }
            }
        }
        return expect == Expect.NOTHING ? out.toString() : null;
    }

    private char top() {
        return (char) (stack.charAt(stack.length() - 1) & 0xff);
    }

    private SensitiveKeys.Kind containerKind() {
        return stack.isEmpty() ? SensitiveKeys.Kind.NONE : KINDS[stack.charAt(stack.length() - 1) >> 8];
    }

    /** The kind of the value about to be read: its member name's kind, else the kind of the enclosing container. */
    private SensitiveKeys.Kind valueKind() {
        SensitiveKeys.Kind inherited = containerKind();
        SensitiveKeys.Kind own = !stack.isEmpty() && top() == '{' ? memberKind : SensitiveKeys.Kind.NONE;
        return own != SensitiveKeys.Kind.NONE ? own : inherited;
    }

    private Expect afterValue() {
        return stack.isEmpty() ? Expect.NOTHING : Expect.COMMA_OR_END;
    }

    private int key(int start) {
        decoded.setLength(0);
        int end = Json.readString(json, start, decoded);
        if (end < 0) {
            return -1;
        }
        String name = decoded.toString();
        memberKind = SensitiveKeys.classify(name);
        appendRedacted(start, end, name);
        return end;
    }

    private int scalar(int start, SensitiveKeys.Kind kind) {
        char c = json.charAt(start);
        if (c == '"') {
            decoded.setLength(0);
            int end = Json.readString(json, start, decoded);
            if (end < 0) {
                return -1;
            }
            if (kind == SensitiveKeys.Kind.NONE) {
                appendRedacted(start, end, decoded.toString());
            } else {
                appendString(Masks.of(kind, decoded.toString()));
            }
            return end;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int end = start + 1;
            while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
                end++;
            }
            String number = json.substring(start, end);
            if (kind != SensitiveKeys.Kind.NONE) {
                appendString(Masks.of(kind, number));
            } else if (secrets.occursIn(number)) {
                appendString(Masks.HIDDEN);
            } else {
                // A phone or document number sent as a JSON number under an unexpected name gets the free-text rule
                // for long numbers, as it would have as a string.
                String redacted = freeText.apply(number);
                if (redacted.equals(number)) {
                    out.append(number);
                } else {
                    appendString(redacted);
                }
            }
            return end;
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (json.startsWith(literal, start)) {
                out.append(literal);
                return start + literal.length();
            }
        }
        return -1;
    }

    /** Appends the string literal at {@code [start, end)} as is, or re-encoded when free-text rules change it. */
    private void appendRedacted(int start, int end, String value) {
        String redacted = freeText.apply(value);
        if (redacted.equals(value)) {
            out.append(json, start, end);
        } else {
            appendString(redacted);
        }
    }

    private void appendString(String value) {
        out.append('"').append(Json.escape(value)).append('"');
    }
}
