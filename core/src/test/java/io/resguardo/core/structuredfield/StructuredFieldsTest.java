package io.resguardo.core.structuredfield;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StructuredFieldsTest {
    private static final StructuredFieldLimits LIMITS = StructuredFieldLimits.DEFAULT;

    private static Map<String, Member> parse(String value) throws ResguardoException {
        return StructuredFields.parseDictionary(value, LIMITS, ErrorCode.SIGNATURE_INVALID, "Test-Field");
    }

    private static void assertRejected(String value) {
        ResguardoException e = assertThrows(ResguardoException.class, () -> parse(value));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("Test-Field"), e.getMessage());
    }

    @Test
    void parsesEverySupportedType() throws ResguardoException {
        Map<String, Member> d = parse("a=1, b=-42, c=\"q\\\"s\\\\\", d=tok/en:x, e=:AQID:, f=?0, g, h;x=1");
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.copyOf(d.keySet()));
        assertEquals(new BareItem.Int(1), ((Item) d.get("a")).value());
        assertEquals(new BareItem.Int(-42), ((Item) d.get("b")).value());
        assertEquals(new BareItem.Str("q\"s\\"), ((Item) d.get("c")).value());
        assertEquals(new BareItem.Token("tok/en:x"), ((Item) d.get("d")).value());
        assertArrayEquals(new byte[] {1, 2, 3}, ((BareItem.Bytes) ((Item) d.get("e")).value()).value());
        assertEquals(new BareItem.Bool(false), ((Item) d.get("f")).value());
        assertEquals(BareItem.Bool.TRUE, ((Item) d.get("g")).value());
        Item h = (Item) d.get("h");
        assertEquals(BareItem.Bool.TRUE, h.value());
        assertEquals(new BareItem.Int(1), h.parameters().get("x").orElseThrow());
    }

    @Test
    void parsesInnerListsWithParameters() throws ResguardoException {
        Member m = parse("sig1=(\"@method\" \"x\";sf);created=1;keyid=\"k\"").get("sig1");
        InnerList list = assertInstanceOf(InnerList.class, m);
        assertEquals(2, list.items().size());
        assertEquals(BareItem.Bool.TRUE, list.items().get(1).parameters().get("sf").orElseThrow());
        assertEquals(new BareItem.Str("k"), list.parameters().get("keyid").orElseThrow());
    }

    @Test
    void emptyValueIsAnEmptyDictionary() throws ResguardoException {
        assertTrue(parse("").isEmpty());
        assertTrue(parse("   ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sig1=(\"a\" \"b\");created=1;keyid=\"k\"",
            "a=1, b=\"x\", c=:AQID:, d=?0, e, f=tok;p;q=?0",
            "x=()",
            "x=(1 2);a=-3",
            "*k=*t"
    })
    void serializesCanonicalInputBackToTheSameText(String value) throws ResguardoException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Member> e : parse(value).entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(e.getKey());
            Member m = e.getValue();
            if (m instanceof Item item && BareItem.Bool.TRUE.equals(item.value())) {
                StructuredFields.appendParameters(out, item.parameters());
            } else if (m instanceof Item item) {
                out.append('=').append(StructuredFields.serialize(item));
            } else {
                out.append('=').append(StructuredFields.serialize((InnerList) m));
            }
        }
        assertEquals(value, out.toString());
    }

    @Test
    void serializesNonCanonicalSpacingCanonically() throws ResguardoException {
        InnerList list = (InnerList) parse("x=(  \"a\"   \"b\" );created=01").get("x");
        assertEquals("(\"a\" \"b\");created=1", StructuredFields.serialize(list));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a=1,", "a=1,,b=2", "a=1 b=2", "A=1", "1a=1", "a=1, a=2", "a;p=1;p=2", "a=(1;p=1;p=2)",
            "a=1.5", "a=1234567890123456", "a=-", "a=\"unterminated", "a=\"bad\\escape\"", "a=\"tab\there\"",
            "a=:AQI:", "a=:AQJ=:", "a=:AR==:", "a=:AQ=A:", "a=:A?B=:", "a=:unterminated", "a=?2", "a=?",
            "a=(1 2", "a=(1,2)", "a=(1)(2)", "a=@", "a=é", "a=\"é\"", "é=1", "a=1\n", "\ta=1", "a=1;", "a=1;P=2",
            "a=1 ;p", "a=()x"
    })
    void rejectsMalformedInput(String value) {
        assertRejected(value);
    }

    @Test
    void rejectsInputOverTheLimits() {
        assertRejected("a=\"" + "x".repeat(LIMITS.maxLength()) + "\"");
        StringBuilder members = new StringBuilder("m0=1");
        for (int i = 1; i <= LIMITS.maxMembers(); i++) {
            members.append(", m").append(i).append("=1");
        }
        assertRejected(members.toString());
        assertRejected("a=(" + "1 ".repeat(LIMITS.maxInnerListItems()) + "1)");
        StringBuilder params = new StringBuilder("a=1");
        for (int i = 0; i <= LIMITS.maxParameters(); i++) {
            params.append(";p").append(i);
        }
        assertRejected(params.toString());
        assertRejected("k".repeat(StructuredFields.MAX_KEY_LENGTH + 1) + "=1");
    }

    @Test
    void acceptsFifteenDigitIntegers() throws ResguardoException {
        assertEquals(new BareItem.Int(-999_999_999_999_999L), ((Item) parse("a=-999999999999999").get("a")).value());
    }

    @Test
    void randomBytesAndMutationsOnlyEverGiveResguardoException() {
        String[] seeds = {
            "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1764170130;nonce=\"abc\";keyid=\"shop-1\"",
            "sig1=:3o0kxeH1RoZFAePH6+0ulTc2HGviK6IbkVrcmWZjdek=:, sig2=?1;a=tok",
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, x=(1 2 \"a\\\\\");p"
        };
        String alphabet = "\"\\():;=, ?*-_./+@\t\u00e9\u0000\u007fab09AZ";
        Random random = new Random(20240601);
        for (int round = 0; round < 30_000; round++) {
            String input;
            if (round % 3 == 0) {
                byte[] bytes = new byte[random.nextInt(80)];
                random.nextBytes(bytes);
                input = new String(bytes, StandardCharsets.ISO_8859_1);
            } else {
                StringBuilder s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
                int edits = 1 + random.nextInt(4);
                for (int i = 0; i < edits && s.length() > 0; i++) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(4)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 2 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> s.setLength(at);
                    }
                }
                input = s.toString();
            }
            try {
                parse(input);
            } catch (ResguardoException expected) {
                assertEquals(ErrorCode.SIGNATURE_INVALID, expected.code());
            } catch (RuntimeException e) {
                fail("unchecked " + e + " for input " + input.replace("\n", "\\n"), e);
            }
        }
    }
}
