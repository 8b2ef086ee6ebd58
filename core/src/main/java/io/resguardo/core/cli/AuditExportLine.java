package io.resguardo.core.cli;

import io.resguardo.core.audit.AuditEntry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one line of the admin audit export: a flat JSON object with exactly the members {@code sequence} (a
 * non-negative integer), {@code recordedAt}, {@code actor}, {@code action}, {@code subject}, {@code detail},
 * {@code previousHash} and {@code entryHash} (strings). Strict, since it feeds a verifier: no other member, none
 * twice, no nesting, no other value types, nothing after the object, every JSON string escape decoded (lone
 * surrogates refused). Core has no JSON library; this is the smallest reader that export format needs.
 */
final class AuditExportLine {
    static final Set<String> MEMBERS = Set.of("sequence", "recordedAt", "actor", "action", "subject", "detail",
            "previousHash", "entryHash");

    private final String text;
    private int pos;

    private AuditExportLine(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong (never quoting the line) */
    static AuditEntry parse(String line) {
        Map<String, Object> members = new AuditExportLine(line).object();
        if (!members.keySet().equals(MEMBERS)) {
            throw new IllegalArgumentException("the members must be exactly " + String.join(", ", MEMBERS));
        }
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(string(members, "recordedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("recordedAt is not an ISO-8601 instant");
        }
        if (!(members.get("sequence") instanceof Long sequence)) {
            throw new IllegalArgumentException("sequence must be an integer");
        }
        return new AuditEntry(sequence, recordedAt, string(members, "actor"), string(members, "action"),
                string(members, "subject"), string(members, "detail"), string(members, "previousHash"),
                string(members, "entryHash"));
    }

    private static String string(Map<String, Object> members, String name) {
        if (!(members.get(name) instanceof String s)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return s;
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        skipBlanks();
        expect('{');
        skipBlanks();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipBlanks();
                String name = string();
                skipBlanks();
                expect(':');
                skipBlanks();
                Object value = peek() == '"' ? string() : integer();
                if (members.put(name, value) != null) {
                    throw new IllegalArgumentException("member " + name + " appears twice");
                }
                skipBlanks();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at column " + pos);
                }
            }
        }
        skipBlanks();
        if (pos != text.length()) {
            throw new IllegalArgumentException("something follows the object");
        }
        return members;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("unescaped control character in a string");
            }
            out.append(c == '\\' ? escape() : c);
        }
        String s = out.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate in a string");
            }
        }
        return s;
    }

    private char escape() {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw new IllegalArgumentException("unknown escape in a string");
        };
    }

    private char unicode() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private Long integer() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty() || digits.length() > 18 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new IllegalArgumentException("values must be strings or plain non-negative integers");
        }
        return Long.parseLong(digits);
    }

    private void skipBlanks() {
        while (pos < text.length() && " \t\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("the line ends too early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw new IllegalArgumentException("expected " + wanted + " at column " + pos);
        }
    }
}
