package io.resguardo.core.cli;

import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpCommandsTest {
    private static final JsonObject SHOP = Vectors.load("resguardo-shop-requests.json");
    private static final JsonObject RFC = Vectors.load("rfc9421-http-message-signatures.json");
    private static final JsonObject DIGEST = Vectors.load("rfc9530-content-digest.json");

    private static List<String> headerArgs(JsonArray headers) {
        List<String> args = new ArrayList<>();
        for (JsonArray h : headers.getValuesAs(JsonArray.class)) {
            args.add("--header");
            args.add(h.getString(0) + ": " + h.getString(1));
        }
        return args;
    }

    private static List<String> componentsOf(String signatureInput) {
        Matcher m = Pattern.compile("\\(([^)]*)\\)").matcher(signatureInput);
        assertTrue(m.find());
        return List.of(m.group(1).replace("\"", "").split(" "));
    }

    private static String param(String signatureInput, String name) {
        Matcher m = Pattern.compile(";" + name + "=\"?([^\";]+)\"?").matcher(signatureInput);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    @Test
    void httpSignReproducesEveryShopVector() {
        for (JsonObject c : SHOP.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            JsonObject req = c.getJsonObject("request");
            String input = c.getString("signatureInput");
            List<String> argv = new ArrayList<>(List.of("http-sign", "--key-id", SHOP.getString("keyId"),
                    "--secret-env", "API_KEY", "--uri", req.getString("uri"), "--method", req.getString("method"),
                    "--components", String.join(" ", componentsOf(input)),
                    "--created", String.valueOf(c.getJsonNumber("created").longValue()),
                    "--nonce", param(input, "nonce")));
            argv.addAll(headerArgs(req.getJsonArray("headers")));
            if (!req.getString("body").isEmpty()) {
                argv.addAll(List.of("--body", req.getString("body")));
            }
            CliRun r = CliRun.run(Map.of("API_KEY", SHOP.getString("secretBase64")), argv.toArray(String[]::new));
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains("Signature-Input: " + input), r.out());
            assertTrue(r.out().contains("Signature: " + c.getString("signature")), r.out());
            assertTrue(r.out().contains(c.getString("signatureBase")), "prints the base to diff against");
            assertFalse(r.all().contains(SHOP.getString("secretBase64")));
        }
    }

    @Test
    void httpVerifyAcceptsEveryShopVectorUnderTheShopPolicy() {
        for (JsonObject c : SHOP.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            CliRun r = verifyShopCase(c, c.getJsonObject("request").getString("body"));
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains(c.getString("signatureBase")), r.out());
            assertTrue(r.out().contains("match (label sig1, keyid shop-1)"), r.out());
        }
    }

    @Test
    void httpVerifyNamesTheDigestMismatchOfAChangedBody() {
        JsonObject c = SHOP.getJsonArray("cases").getJsonObject(0);
        CliRun r = verifyShopCase(c, c.getJsonObject("request").getString("body").replace("150.00", "15.00"));
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("DIGEST_MISMATCH"), r.out());
    }

    private static CliRun verifyShopCase(JsonObject c, String body) {
        JsonObject req = c.getJsonObject("request");
        List<String> argv = new ArrayList<>(List.of("http-verify", "--secret-env", "API_KEY",
                "--uri", req.getString("uri"), "--method", req.getString("method"),
                "--header", "Signature-Input: " + c.getString("signatureInput"),
                "--header", "Signature: " + c.getString("signature"),
                "--now", String.valueOf(c.getJsonNumber("created").longValue())));
        argv.addAll(headerArgs(req.getJsonArray("headers")));
        if (!body.isEmpty()) {
            argv.addAll(List.of("--body", body));
        }
        return CliRun.run(Map.of("API_KEY", SHOP.getString("secretBase64")), argv.toArray(String[]::new));
    }

    @Test
    void httpVerifyChecksTheRfcExampleOnlyUnderThePlainRfcPolicy() {
        JsonObject req = RFC.getJsonObject("request");
        JsonObject c = RFC.getJsonArray("cases").getJsonObject(0);
        String uri = req.getString("scheme") + "://example.com" + req.getString("target");
        List<String> argv = new ArrayList<>(List.of("http-verify", "--secret-env", "K", "--uri", uri,
                "--method", req.getString("method"), "--body", req.getString("body"),
                "--header", "Signature-Input: " + c.getString("signatureInput"),
                "--header", "Signature: " + c.getString("signature"), "--now", "1618884473"));
        argv.addAll(headerArgs(req.getJsonArray("headers")));
        Map<String, String> env = Map.of("K", RFC.getString("sharedSecretBase64"));

        List<String> rfc = new ArrayList<>(argv);
        rfc.addAll(List.of("--policy", "rfc9421"));
        CliRun plain = CliRun.run(env, rfc.toArray(String[]::new));
        assertEquals(0, plain.exit(), plain.all());
        assertTrue(plain.out().contains(c.getString("signatureBase")), plain.out());

        CliRun shop = CliRun.run(env, argv.toArray(String[]::new));
        assertEquals(1, shop.exit(), shop.all());
        assertTrue(shop.out().contains("SIGNATURE_INVALID"), shop.out());
    }

    @Test
    void httpSignThenVerifyRoundTripsWithDefaults() {
        Instant now = Instant.parse("2026-11-26T15:15:30Z");
        Map<String, String> env = Map.of("API_KEY", SHOP.getString("secretBase64"));
        CliRun signed = CliRun.run(env, "", now, "http-sign", "--key-id", "shop-1", "--secret-env", "API_KEY",
                "--uri", "https://pay.shop.example/api/v1/orders", "--body", "{\"a\":1}", "--curl");
        assertEquals(0, signed.exit(), signed.all());
        assertTrue(signed.out().contains("curl --fail-with-body"), signed.out());
        List<String> argv = new ArrayList<>(List.of("http-verify", "--secret-env", "API_KEY",
                "--uri", "https://pay.shop.example/api/v1/orders", "--body", "{\"a\":1}"));
        for (String line : signed.out().lines().toList()) {
            if (line.startsWith("Signature") || line.startsWith("Content-")) {
                argv.addAll(List.of("--header", line));
            }
            if (line.isEmpty()) {
                break;
            }
        }
        CliRun verified = CliRun.run(env, "", now, argv.toArray(String[]::new));
        assertEquals(0, verified.exit(), verified.all());
    }

    @Test
    void digestReproducesAndChecksTheRfc9530Vectors() {
        for (JsonObject c : DIGEST.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            CliRun r = CliRun.run(Map.of(), "digest", "--algorithm", c.getString("algorithm"),
                    "--body", c.getString("body"), "--verify", c.getString("header"));
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains("Content-Digest: " + c.getString("header")), r.out());
            CliRun bad = CliRun.run(Map.of(), "digest", "--body", c.getString("body") + "\n",
                    "--verify", c.getString("header"));
            assertEquals(1, bad.exit(), bad.all());
            assertTrue(bad.out().contains("DIGEST_MISMATCH"), bad.out());
        }
    }
}
