package io.resguardo.core.pagoefectivo;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.pagoefectivo.OrderedParameterSigner.Encoding;
import io.resguardo.core.pagoefectivo.OrderedParameterSigner.HmacAlgorithm;
import io.resguardo.core.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.resguardo.core.pagoefectivo.NotificationVerifierTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedParameterSignerTest {
    private static final String KEY_TEXT = "Merchant-Key-6Hv2Qp9Ls4Xt";
    private static final Secret KEY = Secret.ofText(KEY_TEXT);
    private static final List<String> FIELDS = List.of("merchantId", "amount", "currency", "transactionCode");
    private static final Map<String, String> PARAMS = Map.of("merchantId", "M01", "amount", "150.00",
            "currency", "PEN", "transactionCode", "ORD-1001", "ignored", "x");

    @ParameterizedTest
    @CsvSource({"SHA256,SHA256", "sha-256,SHA256", "HmacSHA256,SHA256", "HMAC-SHA-384,SHA384", "hmacsha512,SHA512",
            "SHA_512,SHA512"})
    void parsesAlgorithmNames(String name, HmacAlgorithm expected) {
        assertEquals(expected, HmacAlgorithm.parse(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "md5", "SHA-1", "SHA1", "sha1", "HmacSHA1", "HmacMD5", "HMAC-SHA-1", "SHA"})
    void refusesMd5AndSha1(String name) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> HmacAlgorithm.parse(name));
        assertTrue(e.getMessage().contains("refused"));
    }

    @Test
    void refusesUnknownAlgorithmsAndBadFieldLists() {
        assertThrows(InvalidConfigurationException.class, () -> HmacAlgorithm.parse("SHA3-256"));
        assertThrows(InvalidConfigurationException.class,
                () -> OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", List.of()));
        assertThrows(InvalidConfigurationException.class,
                () -> OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", List.of("a", "a")));
        assertThrows(InvalidConfigurationException.class,
                () -> OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", List.of(" ")));
    }

    @ParameterizedTest
    @CsvSource({"SHA256,HEX,HmacSHA256", "SHA384,HEX,HmacSHA384", "SHA512,HEX,HmacSHA512",
            "SHA256,BASE64,HmacSHA256", "SHA384,BASE64,HmacSHA384", "SHA512,BASE64,HmacSHA512"})
    void signsTheDeclaredFieldsInOrderAndVerifies(HmacAlgorithm algorithm, Encoding encoding, String jca)
            throws Exception {
        OrderedParameterSigner signer = OrderedParameterSigner.of(KEY, algorithm, encoding, "|", FIELDS);
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec(KEY_TEXT.getBytes(StandardCharsets.UTF_8), jca));
        byte[] expected = mac.doFinal("M01|150.00|PEN|ORD-1001".getBytes(StandardCharsets.UTF_8));
        String signature = signer.sign(PARAMS);
        assertEquals(encoding == Encoding.HEX ? HexFormat.of().formatHex(expected)
                : Base64.getEncoder().encodeToString(expected), signature);
        assertEquals(FIELDS, signer.verify(PARAMS, signature).coveredFields());
    }

    @Test
    void theDeclaredOrderMatters() {
        OrderedParameterSigner signer = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "", FIELDS);
        String signature = signer.sign(PARAMS);
        Map<String, String> swapped = new LinkedHashMap<>(PARAMS);
        swapped.put("currency", "150.00");
        swapped.put("amount", "PEN");
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> signer.verify(swapped, signature));
    }

    @Test
    void acceptsHexInEitherCase() throws ResguardoException {
        OrderedParameterSigner signer = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", FIELDS);
        signer.verify(PARAMS, signer.sign(PARAMS).toUpperCase(Locale.ROOT));
    }

    @Test
    void aMissingDeclaredFieldIsRefused() {
        OrderedParameterSigner signer = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", FIELDS);
        String signature = signer.sign(PARAMS);
        Map<String, String> missing = new LinkedHashMap<>(PARAMS);
        missing.remove("amount");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.sign(missing));
        assertTrue(e.getMessage().contains("amount"));
        assertCode(ErrorCode.SIGNATURE_INVALID, () -> signer.verify(missing, signature));
    }

    @Test
    void malformedSignaturesGiveStableCodes() {
        OrderedParameterSigner hex = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", FIELDS);
        OrderedParameterSigner b64 = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.BASE64, "|",
                FIELDS);
        String hexSignature = hex.sign(PARAMS);
        String b64Signature = b64.sign(PARAMS);
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> hex.verify(PARAMS, null));
        assertCode(ErrorCode.SIGNATURE_MISSING, () -> b64.verify(PARAMS, ""));
        for (String bad : List.of(hexSignature.substring(1), hexSignature + "0", hexSignature.substring(2) + "zz",
                hexSignature.substring(1) + "é", b64Signature)) {
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> hex.verify(PARAMS, bad));
        }
        for (String bad : List.of(b64Signature.replace("=", ""), b64Signature + "=", "%%%%", hexSignature,
                b64Signature.substring(0, 42) + "B=")) {
            assertCode(ErrorCode.SIGNATURE_INVALID, () -> b64.verify(PARAMS, bad));
        }
    }

    @Test
    void printsNoKeyMaterial() {
        OrderedParameterSigner signer = OrderedParameterSigner.of(KEY, HmacAlgorithm.SHA256, Encoding.HEX, "|", FIELDS);
        assertFalse(signer.toString().contains(KEY_TEXT));
    }
}
