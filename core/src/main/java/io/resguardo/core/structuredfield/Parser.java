package io.resguardo.core.structuredfield;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parse of one field value, following RFC 8941 section 4.2 step by step. Not thread-safe; used once.
 * {@link #peek()} returns -1 at the end so that no step can index past the input.
 */
final class Parser {
    private static final int END = -1;
    private static final int MAX_INTEGER_DIGITS = 15;

    private final String input;
    private final StructuredFieldLimits limits;
    private final ErrorCode code;
    private final String field;
    private int pos;

    Parser(String input, StructuredFieldLimits limits, ErrorCode code, String field) {
        this.input = input;
        this.limits = limits;
        this.code = code;
        this.field = field;
    }

    Map<String, Member> dictionary() throws ResguardoException {
        checkEnvelope();
        skipSp();
        Map<String, Member> members = new LinkedHashMap<>();
        while (peek() != END) {
            String key = key();
            Member member;
            if (peek() == '=') {
                pos++;
                member = itemOrInnerList();
            } else {
                member = new Item(BareItem.Bool.TRUE, parameters());
            }
            if (members.containsKey(key)) {
                throw fail("duplicate member \"" + key + "\"");
            }
            if (members.size() >= limits.maxMembers()) {
                throw fail("more than " + limits.maxMembers() + " members");
            }
            members.put(key, member);
            skipOws();
            if (peek() == END) {
                break;
            }
            if (peek() != ',') {
                throw fail("expected ',' after member \"" + key + "\"");
            }
            pos++;
            skipOws();
            if (peek() == END) {
                throw fail("trailing comma");
            }
        }
        return Collections.unmodifiableMap(members);
    }

    private void checkEnvelope() throws ResguardoException {
        if (input.length() > limits.maxLength()) {
            throw new ResguardoException(code, field + " is longer than " + limits.maxLength() + " characters");
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c > 0x7e || (c < 0x20 && c != '\t')) {
                throw new ResguardoException(code, field + " holds a non-ASCII or control character at "
                        + i);
            }
        }
    }

    private Member itemOrInnerList() throws ResguardoException {
        return peek() == '(' ? innerList() : item();
    }

    private InnerList innerList() throws ResguardoException {
        pos++;
        List<Item> items = new ArrayList<>();
        while (peek() != END) {
            skipSp();
            if (peek() == ')') {
                pos++;
                return new InnerList(items, parameters());
            }
            if (items.size() >= limits.maxInnerListItems()) {
                throw fail("inner list has more than " + limits.maxInnerListItems() + " items");
            }
            items.add(item());
            int next = peek();
            if (next != ' ' && next != ')') {
                throw fail("expected ' ' or ')' in inner list");
            }
        }
        throw fail("unterminated inner list");
    }

    private Item item() throws ResguardoException {
        BareItem value = bareItem();
        return new Item(value, parameters());
    }

    private Parameters parameters() throws ResguardoException {
        List<Parameter> list = null;
        while (peek() == ';') {
            pos++;
            skipSp();
            String key = key();
            BareItem value = BareItem.Bool.TRUE;
            if (peek() == '=') {
                pos++;
                value = bareItem();
            }
            if (list == null) {
                list = new ArrayList<>(4);
            }
            for (Parameter p : list) {
                if (p.key().equals(key)) {
                    throw fail("duplicate parameter \"" + key + "\"");
                }
            }
            if (list.size() >= limits.maxParameters()) {
                throw fail("more than " + limits.maxParameters() + " parameters");
            }
            list.add(new Parameter(key, value));
        }
        return list == null ? Parameters.EMPTY : new Parameters(list);
    }

    private String key() throws ResguardoException {
        int start = pos;
        int first = peek();
        if (!(StructuredFields.isLcAlpha(first) || first == '*')) {
            throw fail("expected a key (lowercase letter or '*')");
        }
        pos++;
        while (StructuredFields.isKeyChar(peek())) {
            pos++;
        }
        if (pos - start > StructuredFields.MAX_KEY_LENGTH) {
            throw fail("key longer than " + StructuredFields.MAX_KEY_LENGTH + " characters");
        }
        return input.substring(start, pos);
    }

    private BareItem bareItem() throws ResguardoException {
        int c = peek();
        if (c == '-' || StructuredFields.isDigit(c)) {
            return integer();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        if (StructuredFields.isAlpha(c) || c == '*') {
            return token();
        }
        throw fail("expected an item");
    }

    private BareItem.Int integer() throws ResguardoException {
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        if (!StructuredFields.isDigit(peek())) {
            throw fail("expected a digit");
        }
        long value = 0;
        int digits = 0;
        while (StructuredFields.isDigit(peek())) {
            if (++digits > MAX_INTEGER_DIGITS) {
                throw fail("integer longer than " + MAX_INTEGER_DIGITS + " digits");
            }
            value = value * 10 + (peek() - '0');
            pos++;
        }
        if (peek() == '.') {
            throw fail("decimals are not supported");
        }
        return new BareItem.Int(negative ? -value : value);
    }

    private BareItem.Str string() throws ResguardoException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            int c = peek();
            if (c == END) {
                throw fail("unterminated string");
            }
            pos++;
            if (c == '\\') {
                int escaped = peek();
                if (escaped != '"' && escaped != '\\') {
                    throw fail("invalid escape in string");
                }
                pos++;
                out.append((char) escaped);
            } else if (c == '"') {
                return new BareItem.Str(out.toString());
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("invalid character in string");
            } else {
                out.append((char) c);
            }
        }
    }

    private BareItem.Token token() {
        int start = pos;
        pos++;
        int c;
        while ((c = peek()) != END && (StructuredFields.isTchar(c) || c == ':' || c == '/')) {
            pos++;
        }
        return new BareItem.Token(input.substring(start, pos));
    }

    private BareItem.Bytes byteSequence() throws ResguardoException {
        pos++;
        int start = pos;
        int c;
        while ((c = peek()) != ':') {
            if (c == END) {
                throw fail("unterminated byte sequence");
            }
            if (!(StructuredFields.isAlpha(c) || StructuredFields.isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw fail("invalid base64 character in byte sequence");
            }
            pos++;
        }
        String encoded = input.substring(start, pos);
        pos++;
        if (encoded.length() % 4 != 0) {
            throw fail("byte sequence is not padded base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw fail("byte sequence is not valid base64");
        }
        // Re-encoding rejects non-zero trailing bits and misplaced padding, so one value has one spelling.
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw fail("byte sequence is not canonical base64");
        }
        return new BareItem.Bytes(decoded);
    }

    private BareItem.Bool bool() throws ResguardoException {
        pos++;
        int c = peek();
        if (c == '1' || c == '0') {
            pos++;
            return new BareItem.Bool(c == '1');
        }
        throw fail("invalid boolean");
    }

    private int peek() {
        return pos < input.length() ? input.charAt(pos) : END;
    }

    private void skipSp() {
        while (peek() == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        int c;
        while ((c = peek()) == ' ' || c == '\t') {
            pos++;
        }
    }

    private ResguardoException fail(String what) {
        return new ResguardoException(code, field + ": " + what + " at position " + pos);
    }
}
