package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageSignatureVectorsTest {
    private static final JsonObject RFC = Vectors.load("rfc9421-http-message-signatures.json");
    private static final JsonObject SHOP = Vectors.load("resguardo-shop-requests.json");

    private static List<JsonObject> cases(JsonObject file) {
        return file.getJsonArray("cases").getValuesAs(JsonObject.class);
    }

    private static HttpRequestView signedRfcRequest(JsonObject c) {
        return VectorRequests.rfcRequest(RFC.getJsonObject("request"))
                .header("Signature-Input", c.getString("signatureInput"))
                .header("Signature", c.getString("signature"))
                .build();
    }

    private static HttpRequestView signedShopRequest(JsonObject c) {
        return VectorRequests.shopRequest(c.getJsonObject("request"))
                .header("Signature-Input", c.getString("signatureInput"))
                .header("Signature", c.getString("signature"))
                .build();
    }

    private static Secret rfcKey() {
        return VectorRequests.base64Secret(RFC.getString("sharedSecretBase64"));
    }

    private static Secret shopKey() {
        return VectorRequests.base64Secret(SHOP.getString("secretBase64"));
    }

    private static SignatureInput parsedInput(JsonObject c) throws ResguardoException {
        Map<String, SignatureInput> inputs = MessageSignatures.parseSignatureInput(c.getString("signatureInput"));
        return inputs.get(c.getString("label", "sig1"));
    }

    private static long createdOf(SignatureInput input) {
        return input.parameters().created();
    }

    @Test
    void reproducesTheRfcHmacSignatureBaseAndSignature() throws ResguardoException {
        for (JsonObject c : cases(RFC)) {
            SignatureInput input = parsedInput(c);
            HttpRequestView request = VectorRequests.rfcRequest(RFC.getJsonObject("request")).build();
            assertEquals(c.getString("signatureBase"), MessageSignatures.signatureBase(request, input));
            assertEquals(c.getString("signatureInput"), input.toHeaderMember());

            SignatureHeaders made = MessageSignatures.sign(request, input.parameters(), rfcKey());
            assertEquals(c.getString("signatureInput"), made.signatureInput());
            assertEquals(c.getString("signature"), made.signature());
        }
    }

    @Test
    void verifiesTheRfcHmacExampleUnderThePermissivePolicy() throws ResguardoException {
        for (JsonObject c : cases(RFC)) {
            long created = createdOf(parsedInput(c));
            MessageSignatureVerifier verifier = verifier(SignaturePolicy.rfc9421(), "test-shared-secret", rfcKey(),
                    created);
            VerifiedSignature verified = verifier.verify(signedRfcRequest(c));
            assertEquals(c.getString("label"), verified.label());
            assertEquals("test-shared-secret", verified.keyId());
            assertEquals(List.of("date", "@authority", "content-type"), verified.components());
            assertEquals(Instant.ofEpochSecond(created), verified.created().orElseThrow());
            assertTrue(verified.nonce().isEmpty());
            assertFalse(verified.contentDigestVerified());
        }
    }

    @Test
    void shopPolicyRejectsTheRfcHmacExample() throws ResguardoException {
        for (JsonObject c : cases(RFC)) {
            long created = createdOf(parsedInput(c));
            MessageSignatureVerifier verifier = verifier(SignaturePolicy.shopApi(), "test-shared-secret", rfcKey(),
                    created);
            ResguardoException e = assertThrows(ResguardoException.class, () -> verifier.verify(signedRfcRequest(c)));
            assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
            assertTrue(e.getMessage().contains("policy"), e.getMessage());
        }
    }

    @Test
    void reproducesTheShopRequestBasesAndSignatures() throws ResguardoException {
        for (JsonObject c : cases(SHOP)) {
            SignatureInput input = parsedInput(c);
            HttpRequestView request = VectorRequests.shopRequest(c.getJsonObject("request")).build();
            assertEquals(c.getString("signatureBase"), MessageSignatures.signatureBase(request, input));

            SignatureParameters rebuilt = SignatureParameters.builder("sig1")
                    .components(input.parameters().components())
                    .created(c.getJsonNumber("created").longValue())
                    .nonce(input.parameters().nonce())
                    .keyId(SHOP.getString("keyId"))
                    .build();
            SignatureHeaders made = MessageSignatures.sign(request, rebuilt, shopKey());
            assertEquals(c.getString("signatureInput"), made.signatureInput());
            assertEquals(c.getString("signature"), made.signature());
        }
    }

    @Test
    void verifiesTheShopRequestsUnderTheShopPolicy() throws ResguardoException {
        for (JsonObject c : cases(SHOP)) {
            long created = c.getJsonNumber("created").longValue();
            MessageSignatureVerifier verifier = verifier(SignaturePolicy.shopApi(), SHOP.getString("keyId"),
                    shopKey(), created);
            VerifiedSignature verified = verifier.verify(signedShopRequest(c));
            assertEquals(SHOP.getString("keyId"), verified.keyId());
            assertEquals(0, verified.keyIndex());
            assertEquals(Instant.ofEpochSecond(created), verified.created().orElseThrow());
            assertTrue(verified.nonce().isPresent());
            assertEquals(verified.components().contains("content-digest"), verified.contentDigestVerified());
            assertEquals(!c.getJsonObject("request").getString("body").isEmpty(), verified.contentDigestVerified());
        }
    }

    @Test
    void shopRequestReplayedAgainstTheSameRegistryIsRejected() throws ResguardoException {
        JsonObject c = cases(SHOP).get(0);
        MessageSignatureVerifier verifier = verifier(SignaturePolicy.shopApi(), SHOP.getString("keyId"), shopKey(),
                c.getJsonNumber("created").longValue());
        verifier.verify(signedShopRequest(c));
        ResguardoException e = assertThrows(ResguardoException.class, () -> verifier.verify(signedShopRequest(c)));
        assertEquals(ErrorCode.REPLAY_DETECTED, e.code());
    }

    private static MessageSignatureVerifier verifier(SignaturePolicy policy, String keyId, Secret key, long now) {
        MutableClock clock = MutableClock.atEpochSecond(now);
        return new MessageSignatureVerifier(policy, KeyResolver.of(Map.of(keyId, List.of(key))),
                TimestampWindow.withDefaultTolerance(clock), new InMemoryNonceRegistry(clock, 1000));
    }
}
