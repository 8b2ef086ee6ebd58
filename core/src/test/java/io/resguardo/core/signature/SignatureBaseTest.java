package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignatureBaseTest {

    private static String line(HttpRequestView request, String component) throws ResguardoException {
        SignatureInput input = SignatureInput.of(SignatureParameters.builder("s").components(component).build());
        String base = MessageSignatures.signatureBase(request, input);
        String prefix = "\"" + component + "\": ";
        return base.substring(prefix.length(), base.indexOf('\n'));
    }

    private static HttpRequestView request(String scheme, String authority, String path, String query) {
        return HttpRequestView.builder("POST", scheme, authority, path, query).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "https | Example.COM     | /a/b  | x=1&Y=2 | @target-uri     | https://example.com/a/b?x=1&Y=2",
        "HTTPS | example.com:443 | ''    | NULL    | @target-uri     | https://example.com/",
        "http  | example.com:80  | /     | ''      | @target-uri     | http://example.com/?",
        "https | example.com:80  | /p    | NULL    | @authority      | example.com:80",
        "http  | example.com:443 | /p    | NULL    | @authority      | example.com:443",
        "https | [::1]:443       | /p    | NULL    | @authority      | [::1]",
        "https | Host.Example    | /p    | NULL    | @authority      | host.example",
        "HTTPS | h               | /p    | NULL    | @scheme         | https",
        "https | h               | ''    | NULL    | @path           | /",
        "https | h               | /a%2Fb | NULL   | @path           | /a%2Fb",
        "https | h               | /p    | NULL    | @query          | ?",
        "https | h               | /p    | ''      | @query          | ?",
        "https | h               | /p    | a=b&c=%20 | @query        | ?a=b&c=%20",
        "https | h               | /p    | a=1     | @request-target | /p?a=1",
        "https | h               | ''    | NULL    | @request-target | /",
        "https | h               | /p    | NULL    | @method         | POST",
    })
    void derivesComponentsPerRfc9421(String scheme, String authority, String path, String query, String component,
                                     String expected) throws ResguardoException {
        assertEquals(expected, line(request(scheme, authority, path, query), component));
    }

    @Test
    void methodIsKeptAsSent() throws ResguardoException {
        assertEquals("patch", line(HttpRequestView.builder("patch", "https", "h", "/", null).build(), "@method"));
    }

    @Test
    void headerValuesAreTrimmedAndRepeatedFieldsJoined() throws ResguardoException {
        HttpRequestView r = HttpRequestView.builder("GET", "https", "h", "/", null)
                .header("X-Multi", "  one \t")
                .header("Other", "x")
                .header("x-MULTI", "\ttwo, three ")
                .header("X-Empty", "   ")
                .build();
        assertEquals("one, two, three", line(r, "x-multi"));
        assertEquals("", line(r, "x-empty"));
    }

    @Test
    void signatureParamsLineIsTheLastLine() throws ResguardoException {
        SignatureParameters p = SignatureParameters.builder("sig")
                .components("@method", "@path").created(5).expires(10).nonce("n").alg("hmac-sha256").keyId("k")
                .tag("t").build();
        assertEquals("\"@method\": POST\n\"@path\": /p\n\"@signature-params\": (\"@method\" \"@path\");created=5;"
                        + "expires=10;nonce=\"n\";alg=\"hmac-sha256\";keyid=\"k\";tag=\"t\"",
                MessageSignatures.signatureBase(request("https", "h", "/p", null), SignatureInput.of(p)));
    }

    @Test
    void parsedParameterOrderIsKeptInTheSignatureParamsLine() throws ResguardoException {
        String member = "(\"@method\");keyid=\"k\";nonce=\"n\";created=1";
        SignatureInput input = MessageSignatures.parseSignatureInput("x=" + member).get("x");
        assertEquals(member, input.signatureParamsValue());
    }

    @Test
    void rejectsValuesThatAreNotUsAscii() {
        HttpRequestView r = HttpRequestView.builder("GET", "https", "h", "/", null)
                .header("X-Name", "José").header("X-Line", "a\nb").build();
        for (String c : new String[] {"x-name", "x-line"}) {
            ResguardoException e = assertThrows(ResguardoException.class, () -> line(r, c));
            assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        }
        ResguardoException e = assertThrows(ResguardoException.class,
                () -> line(request("https", "h", "/ñ", null), "@path"));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void rejectsAnAuthorityWithUserInformation() {
        ResguardoException e = assertThrows(ResguardoException.class,
                () -> line(request("https", "user@h", "/", null), "@authority"));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    /** Anything but host and port would let two different targets give one {@code @target-uri} line. */
    @ParameterizedTest
    @ValueSource(strings = {"h.example/api", "h.example?a=1", "h.example#f", "h.example ", "h.exampl\u212A", "h\texample"})
    void rejectsAnAuthorityThatIsNotHostAndPort(String authority) {
        for (String component : new String[] {"@authority", "@target-uri"}) {
            ResguardoException e = assertThrows(ResguardoException.class,
                    () -> line(request("https", authority, "/p", null), component), component);
            assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        }
    }

    /** A path holding {@code ?} or {@code #} would read as a query or fragment in the target. */
    @ParameterizedTest
    @ValueSource(strings = {"/a?b", "/a#b"})
    void rejectsAPathHoldingAQueryOrFragment(String path) {
        for (String component : new String[] {"@path", "@target-uri", "@request-target"}) {
            ResguardoException e = assertThrows(ResguardoException.class,
                    () -> line(request("https", "h", path, null), component), component);
            assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        }
    }

    @Test
    void signingWithAMissingCoveredHeaderIsAnIllegalArgument() {
        SignatureParameters p = SignatureParameters.builder("s").components("x-absent").build();
        assertThrows(IllegalArgumentException.class, () -> MessageSignatures.sign(request("https", "h", "/", null), p,
                io.resguardo.core.secret.Secret.ofBytes(new byte[] {1, 2, 3})));
    }
}
