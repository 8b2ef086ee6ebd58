package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.time.TimestampOutOfRangeException;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class MessageSignatureVerifierTest {
    private static final long NOW = 1_764_170_130L;
    private static final String KEY_ID = "shop-1";
    private static final Secret KEY = Secret.ofBytes(bytes(32, 1));
    private static final Secret OLD_KEY = Secret.ofBytes(bytes(32, 2));
    private static final byte[] BODY = "{\"transactionCode\":\"ORD-1\",\"amount\":\"150.00\",\"currency\":\"PEN\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final InMemoryNonceRegistry nonces = new InMemoryNonceRegistry(clock, 1000);
    private final MessageSignatureVerifier shop = verifier(SignaturePolicy.shopApi(), List.of(KEY));

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private MessageSignatureVerifier verifier(SignaturePolicy policy, List<Secret> keys) {
        return new MessageSignatureVerifier(policy, KeyResolver.of(Map.of(KEY_ID, keys)),
                TimestampWindow.withDefaultTolerance(clock), nonces);
    }

    private static HttpRequestView.Builder order(String uri, byte[] body) {
        return HttpRequestView.builder("POST", java.net.URI.create(uri))
                .header("Content-Type", "application/json")
                .header("Content-Digest", ContentDigest.create(body, ContentDigest.Algorithm.SHA_256))
                .body(body);
    }

    private static SignatureParameters.Builder shopParams(String nonce) {
        return SignatureParameters.builder("sig1")
                .components("@method", "@target-uri", "content-digest", "content-type")
                .created(NOW).nonce(nonce).keyId(KEY_ID);
    }

    /** Signs the request {@code target} builds so far, then adds the two signature headers to it. */
    private static HttpRequestView signed(HttpRequestView.Builder target, SignatureParameters p, Secret key) {
        SignatureHeaders h = MessageSignatures.sign(target.build(), p, key);
        return target.header("Signature-Input", h.signatureInput()).header("Signature", h.signature()).build();
    }

    private static HttpRequestView signedOrder(SignatureParameters p) {
        return signed(order("https://pay.shop.example/api/v1/orders", BODY), p, KEY);
    }

    private static ErrorCode codeOf(MessageSignatureVerifier verifier, HttpRequestView request) {
        return assertThrows(ResguardoException.class, () -> verifier.verify(request)).code();
    }

    private static ResguardoException rejection(MessageSignatureVerifier verifier, HttpRequestView request) {
        return assertThrows(ResguardoException.class, () -> verifier.verify(request));
    }

    @Test
    void verifiesASignedOrderAndReportsWhatWasCovered() throws ResguardoException {
        VerifiedSignature v = shop.verify(signedOrder(shopParams("n-1").build()));
        assertEquals("sig1", v.label());
        assertEquals(KEY_ID, v.keyId());
        assertEquals(0, v.keyIndex());
        assertEquals(List.of("@method", "@target-uri", "content-digest", "content-type"), v.components());
        assertEquals("n-1", v.nonce().orElseThrow());
        assertTrue(v.contentDigestVerified());
    }

    @Test
    void roundTripsRandomBodiesHeadersAndKeys() throws ResguardoException {
        Random random = new Random(99);
        for (int i = 0; i < 100; i++) {
            Secret key = Secret.ofBytes(bytes(16 + random.nextInt(48), 1000 + i));
            byte[] body = new byte[1 + random.nextInt(1000)];
            random.nextBytes(body);
            String headerValue = Long.toHexString(random.nextLong()) + " " + Long.toHexString(random.nextLong());
            HttpRequestView.Builder b = order("https://pay.shop.example/api/v1/orders?i=" + i, body)
                    .header("X-Random", headerValue);
            SignatureParameters p = SignatureParameters.builder("s" + i)
                    .components("@method", "@authority", "@path", "@query", "content-digest", "x-random")
                    .created(NOW - random.nextInt(300)).nonce("nonce-" + i).keyId(KEY_ID).build();
            VerifiedSignature v = verifier(SignaturePolicy.shopApi(), List.of(key)).verify(signed(b, p, key));
            assertEquals("s" + i, v.label());
        }
    }

    @Test
    void anyOneByteChangeOfTheBodyIsADigestMismatch() {
        HttpRequestView good = signedOrder(shopParams("n").build());
        for (int i = 0; i < BODY.length; i++) {
            byte[] changed = BODY.clone();
            changed[i] ^= 0x01;
            HttpRequestView.Builder b = HttpRequestView.builder("POST", java.net.URI.create(
                    "https://pay.shop.example/api/v1/orders")).body(changed);
            good.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
            assertEquals(ErrorCode.DIGEST_MISMATCH, codeOf(shop, b.build()));
        }
    }

    @Test
    void aChangedCoveredHeaderIsAnInvalidSignature() {
        HttpRequestView good = signedOrder(shopParams("n").build());
        HttpRequestView.Builder tampered = HttpRequestView.builder("POST",
                java.net.URI.create("https://pay.shop.example/api/v1/orders")).body(BODY);
        good.headers().forEach(h -> tampered.header(h.getKey(),
                h.getKey().equals("Content-Type") ? "application/jsoN" : h.getValue()));
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, tampered.build()));
    }

    @Test
    void aSignedTargetCannotBeReplayedWithPartOfThePathMovedIntoTheAuthority() {
        HttpRequestView good = signedOrder(shopParams("n").build());
        HttpRequestView.Builder moved = HttpRequestView.builder("POST", "https", "pay.shop.example/api", "/v1/orders",
                null);
        good.headers().forEach(h -> moved.header(h.getKey(), h.getValue()));
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, moved.body(BODY).build()));
    }

    @Test
    void aChangedMethodOrTargetIsAnInvalidSignature() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        for (HttpRequestView.Builder b : List.of(
                HttpRequestView.builder("PUT", java.net.URI.create("https://pay.shop.example/api/v1/orders")),
                HttpRequestView.builder("POST", java.net.URI.create("https://pay.shop.example/api/v1/order")),
                HttpRequestView.builder("POST", java.net.URI.create("http://pay.shop.example/api/v1/orders")),
                HttpRequestView.builder("POST", java.net.URI.create("https://pay.shop.example:8443/api/v1/orders")))) {
            b.header("Content-Type", "application/json")
                    .header("Content-Digest", ContentDigest.create(BODY, ContentDigest.Algorithm.SHA_256))
                    .header("Signature-Input", h.signatureInput()).header("Signature", h.signature()).body(BODY);
            assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, b.build()));
        }
    }

    @Test
    void anyOneByteChangeOfTheSignatureIsAnInvalidSignature() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        byte[] mac = Base64.getDecoder().decode(h.signature().substring("sig1=:".length(), h.signature().length() - 1));
        for (int i = 0; i < mac.length; i++) {
            byte[] changed = mac.clone();
            changed[i] ^= (byte) 0x80;
            HttpRequestView r = order("https://pay.shop.example/api/v1/orders", BODY)
                    .header("Signature-Input", h.signatureInput())
                    .header("Signature", "sig1=:" + Base64.getEncoder().encodeToString(changed) + ":").build();
            assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, r));
        }
    }

    @Test
    void anyOneCharacterChangeOfEitherHeaderIsRejectedWithAnAuthenticationCode() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("nonce-123").build(), KEY);
        Set<ErrorCode> allowed = EnumSet.of(ErrorCode.SIGNATURE_INVALID, ErrorCode.UNKNOWN_KEY,
                ErrorCode.TIMESTAMP_OUT_OF_RANGE);
        String replacements = "0a9Z\"();=:, é";
        for (int field = 0; field < 2; field++) {
            String original = field == 0 ? h.signatureInput() : h.signature();
            for (int i = 0; i < original.length(); i++) {
                for (char r : replacements.toCharArray()) {
                    if (original.charAt(i) == r) {
                        continue;
                    }
                    String mutated = original.substring(0, i) + r + original.substring(i + 1);
                    HttpRequestView request = order("https://pay.shop.example/api/v1/orders", BODY)
                            .header("Signature-Input", field == 0 ? mutated : h.signatureInput())
                            .header("Signature", field == 1 ? mutated : h.signature()).build();
                    try {
                        shop.verify(request);
                        fail("verified after changing character " + i + " of header " + field + ": " + mutated);
                    } catch (ResguardoException e) {
                        assertTrue(allowed.contains(e.code()), e.code() + " for " + mutated);
                    } catch (RuntimeException e) {
                        fail("unchecked exception for " + mutated, e);
                    }
                }
            }
        }
    }

    @Test
    void aCreatedChangedWithinTheWindowIsAnInvalidSignature() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        HttpRequestView r = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput().replace("created=" + NOW, "created=" + (NOW - 1)))
                .header("Signature", h.signature()).build();
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, r));
    }

    @Test
    void missingHeadersAreSignatureMissing() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        HttpRequestView.Builder base = order("https://pay.shop.example/api/v1/orders", BODY);
        assertEquals(ErrorCode.SIGNATURE_MISSING, codeOf(shop, base.build()));
        assertEquals(ErrorCode.SIGNATURE_MISSING, codeOf(shop,
                order("https://pay.shop.example/api/v1/orders", BODY).header("Signature", h.signature()).build()));
        assertEquals(ErrorCode.SIGNATURE_MISSING, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("signature-input", h.signatureInput()).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankSignatureOrSignatureInputIsMissingLikeAnAbsentOne(String blank) {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        HttpRequestView blankInput = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", blank).header("Signature", h.signature()).build();
        HttpRequestView blankSignature = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput()).header("Signature", blank).build();
        assertEquals(ErrorCode.SIGNATURE_MISSING, codeOf(shop, blankInput));
        assertEquals(ErrorCode.SIGNATURE_MISSING, codeOf(shop, blankSignature));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sig1=(\"@method\" \"@target-uri\"",
            "sig1=\"@method\";created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(@method);created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=\"1764170130\";nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=1764170130;nonce=1;keyid=\"shop-1\"",
            "sig1=(\"@method\");created=-5;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=1764170130.5;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"@method\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"Content-Type\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"content-type\";sf);created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"@query-param\";name=\"a\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"@status\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\" \"@signature-params\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=1764170130;nonce=\"n\";keyid=\"shop-1\";foo=1",
            "sig1=(\"@method\");created=1764170130;nonce=\"n\";keyid=\"shop-1\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=1764170130;nonce=\"n\";keyid=\"shop-1\", sig1=(\"@method\")",
            "sig1=(\"@method\");created=1764170130;nonce=\"a b\";keyid=\"shop-1\"",
            "sig1=(\"@méthod\");created=1764170130;nonce=\"n\";keyid=\"shop-1\"",
            "sig1=(\"@method\");created=1764170130;nonce=\"n\";keyid=\"shop-1\";alg=\"rsa-pss-sha512\"",
            "sig1=(\"@method\");created=1764170130;nonce=\"n\"",
    })
    void malformedOrUnsupportedSignatureInputIsInvalid(String input) {
        HttpRequestView r = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", input).header("Signature", "sig1=:AAAA:").build();
        ResguardoException e = rejection(verifier(SignaturePolicy.rfc9421(), List.of(KEY)), r);
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sig1=:AAA:", "sig1=\"AAAA\"", "sig1=:AAAA:;p=1", "sig2=:AAAA:", "sig1=:AA AA:",
        "sig1=:AAAA:, sig1=:AAAA:", "sig1=(:AAAA:)"})
    void malformedSignatureIsInvalid(String signature) {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        HttpRequestView r = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput()).header("Signature", signature).build();
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, r));
    }

    @Test
    void oversizedHeadersAreInvalid() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("n").build(), KEY);
        String pad = " ".repeat(SignaturePolicy.DEFAULT_LIMITS.maxLength());
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput() + pad).header("Signature", h.signature()).build()));
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput()).header("Signature", h.signature() + pad).build()));
        assertThrows(IllegalArgumentException.class, () -> shopParams("n".repeat(129)).build());
        String longNonce = "sig1=(\"@method\");created=" + NOW + ";nonce=\"" + "n".repeat(129) + "\";keyid=\"shop-1\"";
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", longNonce).header("Signature", h.signature()).build()));
    }

    @Test
    void tooManyComponentsOrSignaturesAreInvalid() {
        StringBuilder components = new StringBuilder("sig1=(");
        for (int i = 0; i <= SignaturePolicy.DEFAULT_LIMITS.maxInnerListItems(); i++) {
            components.append("\"x-h").append(i).append("\" ");
        }
        components.append(");created=1764170130;nonce=\"n\";keyid=\"shop-1\"");
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", components.toString()).header("Signature", "sig1=:AAAA:").build()));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= SignaturePolicy.DEFAULT_LIMITS.maxMembers(); i++) {
            many.append(i == 0 ? "" : ", ").append("s").append(i).append("=(\"@method\");keyid=\"shop-1\"");
        }
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", many.toString()).header("Signature", "s0=:AAAA:").build()));
    }

    @Test
    void aMissingCoveredHeaderIsInvalidAndNamed() {
        SignatureParameters p = SignatureParameters.builder("sig1")
                .components("@method", "@target-uri", "content-digest", "x-shop-order").created(NOW).nonce("n")
                .keyId(KEY_ID).build();
        HttpRequestView.Builder withHeader = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("X-Shop-Order", "1");
        SignatureHeaders h = MessageSignatures.sign(withHeader.build(), p, KEY);
        HttpRequestView without = order("https://pay.shop.example/api/v1/orders", BODY)
                .header("Signature-Input", h.signatureInput()).header("Signature", h.signature()).build();
        ResguardoException e = rejection(shop, without);
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains("\"x-shop-order\""), e.getMessage());
    }

    @Test
    void shopPolicyRequiresMethod() {
        assertPolicyRejects(shopParams("n").build().components().subList(1, 4), "n", NOW,
                "https://pay.shop.example/api/v1/orders", BODY);
    }

    @Test
    void shopPolicyRequiresContentDigestWhenThereIsABody() throws ResguardoException {
        List<String> noDigest = List.of("@method", "@target-uri", "content-type");
        assertPolicyRejects(noDigest, "n", NOW, "https://pay.shop.example/api/v1/orders", BODY);
        HttpRequestView get = signed(HttpRequestView.builder("GET",
                java.net.URI.create("https://pay.shop.example/api/v1/orders/ORD-1")),
                SignatureParameters.builder("sig1").components("@method", "@target-uri").created(NOW).nonce("g")
                        .keyId(KEY_ID).build(), KEY);
        assertEquals("sig1", shop.verify(get).label());
    }

    @Test
    void shopPolicyRequiresTargetUriOrAuthorityAndPath() {
        assertPolicyRejects(List.of("@method", "@path", "content-digest"), "n", NOW,
                "https://pay.shop.example/api/v1/orders", BODY);
        assertPolicyRejects(List.of("@method", "@authority", "content-digest"), "n", NOW,
                "https://pay.shop.example/api/v1/orders", BODY);
    }

    @Test
    void shopPolicyRequiresQueryWithAuthorityAndPathWhenTheRequestHasOne() throws ResguardoException {
        assertPolicyRejects(List.of("@method", "@authority", "@path"), "n", NOW,
                "https://pay.shop.example/api/v1/orders?status=PAID", new byte[0]);
        HttpRequestView ok = signed(HttpRequestView.builder("GET",
                java.net.URI.create("https://pay.shop.example/api/v1/orders?status=PAID")),
                SignatureParameters.builder("sig1").components("@method", "@authority", "@path", "@query")
                        .created(NOW).nonce("q").keyId(KEY_ID).build(), KEY);
        assertEquals(List.of("@method", "@authority", "@path", "@query"), shop.verify(ok).components());
    }

    @Test
    void shopPolicyRequiresNonceAndCreated() {
        SignatureParameters noNonce = SignatureParameters.builder("sig1")
                .components("@method", "@target-uri", "content-digest").created(NOW).keyId(KEY_ID).build();
        ResguardoException e = rejection(shop, signedOrder(noNonce));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
        SignatureParameters noCreated = SignatureParameters.builder("sig1")
                .components("@method", "@target-uri", "content-digest").nonce("n").keyId(KEY_ID).build();
        e = rejection(shop, signedOrder(noCreated));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains("created"), e.getMessage());
    }

    @Test
    void createdBeyondTheSkewEitherWayIsOutOfRangeWithTheSkewSeen() {
        for (long offset : new long[] {301, -301, 86_400, -999_999_999L}) {
            ResguardoException e = rejection(shop, signedOrder(shopParams("n" + offset).created(NOW + offset).build()));
            assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, e.code());
            assertEquals(Duration.ofSeconds(offset), assertInstanceOf(TimestampOutOfRangeException.class, e).skew());
        }
    }

    @Test
    void createdAtTheEdgeOfTheSkewVerifies() throws ResguardoException {
        shop.verify(signedOrder(shopParams("edge-past").created(NOW - 300).build()));
        shop.verify(signedOrder(shopParams("edge-future").created(NOW + 300).build()));
    }

    @Test
    void anExpiredSignatureIsOutOfRange() {
        ResguardoException e = rejection(shop, signedOrder(shopParams("x").expires(NOW - 301).build()));
        assertEquals(ErrorCode.TIMESTAMP_OUT_OF_RANGE, e.code());
    }

    @Test
    void aReplayedNonceIsDetected() throws ResguardoException {
        shop.verify(signedOrder(shopParams("once").build()));
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(shop, signedOrder(shopParams("once").build())));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(shop, signedOrder(shopParams("once").build())));
    }

    @Test
    void theSameNonceUnderAnotherKeyIdIsNotAReplay() throws ResguardoException {
        MessageSignatureVerifier two = new MessageSignatureVerifier(SignaturePolicy.shopApi(),
                KeyResolver.of(Map.of(KEY_ID, List.of(KEY), "shop-2", List.of(OLD_KEY))),
                TimestampWindow.withDefaultTolerance(clock), nonces);
        two.verify(signedOrder(shopParams("shared").build()));
        two.verify(signed(order("https://pay.shop.example/api/v1/orders", BODY),
                shopParams("shared").keyId("shop-2").build(), OLD_KEY));
    }

    @Test
    void aForgedRequestDoesNotUseUpTheNonce() throws ResguardoException {
        HttpRequestView forged = signed(order("https://pay.shop.example/api/v1/orders", BODY),
                shopParams("precious").build(), OLD_KEY);
        assertEquals(ErrorCode.SIGNATURE_INVALID, codeOf(shop, forged));
        assertEquals("precious", shop.verify(signedOrder(shopParams("precious").build())).nonce().orElseThrow());
    }

    @Test
    void aBodyTamperedRequestDoesNotUseUpTheNonce() throws ResguardoException {
        HttpRequestView good = signedOrder(shopParams("kept").build());
        HttpRequestView.Builder tampered = HttpRequestView.builder("POST",
                java.net.URI.create("https://pay.shop.example/api/v1/orders")).body("{}".getBytes(StandardCharsets.UTF_8));
        good.headers().forEach(h -> tampered.header(h.getKey(), h.getValue()));
        assertEquals(ErrorCode.DIGEST_MISMATCH, codeOf(shop, tampered.build()));
        shop.verify(good);
    }

    @Test
    void anUnknownKeyIdIsUnknownKey() {
        ResguardoException e = rejection(shop, signedOrder(shopParams("n").keyId("shop-9").build()));
        assertEquals(ErrorCode.UNKNOWN_KEY, e.code());
        assertTrue(e.getMessage().contains("shop-9"));
    }

    @Test
    void theSecondKeyOfARotatedShopVerifiesAndIsReported() throws ResguardoException {
        MessageSignatureVerifier rotated = verifier(SignaturePolicy.shopApi(), List.of(KEY, OLD_KEY));
        HttpRequestView byOld = signed(order("https://pay.shop.example/api/v1/orders", BODY),
                shopParams("r1").build(), OLD_KEY);
        assertEquals(1, rotated.verify(byOld).keyIndex());
        assertEquals(0, rotated.verify(signedOrder(shopParams("r2").build())).keyIndex());
    }

    @Test
    void explicitHmacAlgVerifiesAndAnyOtherIsInvalid() throws ResguardoException {
        shop.verify(signedOrder(shopParams("a1").alg("hmac-sha256").build()));
        ResguardoException e = rejection(shop, signedOrder(shopParams("a2").alg("ed25519").build()));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains("hmac-sha256"), e.getMessage());
    }

    @Test
    void oneVerifyingSignatureAmongSeveralIsEnough() throws ResguardoException {
        HttpRequestView.Builder b = order("https://pay.shop.example/api/v1/orders", BODY);
        SignatureHeaders weak = MessageSignatures.sign(b.build(), SignatureParameters.builder("weak")
                .components("content-type").keyId(KEY_ID).build(), KEY);
        SignatureHeaders strong = MessageSignatures.sign(b.build(), shopParams("s").build(), KEY);
        HttpRequestView r = b.header("Signature-Input", weak.signatureInput())
                .header("Signature-Input", strong.signatureInput())
                .header("Signature", weak.signature() + ", " + strong.signature()).build();
        assertEquals("sig1", shop.verify(r).label());
    }

    @Test
    void whenNoSignatureVerifiesTheFurthestFailureIsReported() throws ResguardoException {
        shop.verify(signedOrder(shopParams("used").build()));
        HttpRequestView.Builder b = order("https://pay.shop.example/api/v1/orders", BODY);
        SignatureHeaders weak = MessageSignatures.sign(b.build(), SignatureParameters.builder("weak")
                .components("content-type").keyId(KEY_ID).build(), KEY);
        SignatureHeaders replay = MessageSignatures.sign(b.build(), shopParams("used").build(), KEY);
        HttpRequestView r = b.header("Signature-Input", weak.signatureInput() + ", " + replay.signatureInput())
                .header("Signature", weak.signature() + ", " + replay.signature()).build();
        assertEquals(ErrorCode.REPLAY_DETECTED, codeOf(shop, r));
    }

    @Test
    void randomMutationsOfWholeRequestsOnlyEverGiveResguardoException() {
        SignatureHeaders h = MessageSignatures.sign(order("https://pay.shop.example/api/v1/orders", BODY).build(),
                shopParams("fuzz").build(), KEY);
        String alphabet = "\"\\():;=, ?*-_./+@\tée\u0000@0";
        Random random = new Random(5);
        for (int round = 0; round < 5000; round++) {
            StringBuilder in = new StringBuilder(h.signatureInput());
            StringBuilder sig = new StringBuilder(h.signature());
            StringBuilder target = random.nextBoolean() ? in : sig;
            for (int e = 0; e < 1 + random.nextInt(3) && target.length() > 0; e++) {
                int at = random.nextInt(target.length());
                if (random.nextBoolean()) {
                    target.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                } else {
                    target.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            HttpRequestView r = order("https://pay.shop.example/api/v1/orders", BODY)
                    .header("Signature-Input", in.toString()).header("Signature", sig.toString()).build();
            try {
                shop.verify(r);
            } catch (ResguardoException expected) {
                assertTrue(expected.code().countsTowardBan(), expected.code().name());
            } catch (RuntimeException e) {
                fail("unchecked exception for " + in + " / " + sig, e);
            }
        }
    }

    private void assertPolicyRejects(List<String> components, String nonce, long created, String uri, byte[] body) {
        HttpRequestView.Builder b = body.length > 0 ? order(uri, body)
                : HttpRequestView.builder("GET", java.net.URI.create(uri));
        SignatureParameters p = SignatureParameters.builder("sig1").components(components).created(created)
                .nonce(nonce).keyId(KEY_ID).build();
        ResguardoException e = rejection(shop, signed(b, p, KEY));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains("policy"), e.getMessage());
    }
}
