package io.resguardo.core.cli;

import io.resguardo.testfixtures.Vectors;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeAndWebhookCommandsTest {
    private static final JsonObject PE = Vectors.load("pagoefectivo.json");
    private static final JsonObject SW = Vectors.load("standard-webhooks.json");

    @Test
    void peHashReproducesEveryAuthorizationVectorWithoutPrintingTheSecret() {
        for (var v : PE.getJsonArray("authorization").getValuesAs(JsonObject.class)) {
            String secret = v.getString("secretKey");
            CliRun r = CliRun.run(Map.of("PE_SECRET", secret), "pe-hash",
                    "--service-id", String.valueOf(v.getJsonNumber("idService").longValue()),
                    "--access-key", v.getString("accessKey"), "--secret-env", "PE_SECRET",
                    "--date-request", v.getString("dateRequest"), "--expect", v.getString("hashString"));
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains(v.getString("hashString")), r.out());
            assertTrue(r.out().contains("match"), r.out());
            assertFalse(r.all().contains(secret), "the secret must never be printed");
        }
    }

    @Test
    void peHashReportsNoMatchWithExitOne() {
        var v = PE.getJsonArray("authorization").getJsonObject(0);
        CliRun r = CliRun.run(Map.of("PE_SECRET", v.getString("secretKey")), "pe-hash",
                "--service-id", "1234", "--access-key", v.getString("accessKey"), "--secret-env", "PE_SECRET",
                "--date-request", v.getString("dateRequest"), "--expect", "00" + v.getString("hashString").substring(2));
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("no match"), r.out());
    }

    @Test
    void peVerifyAnswersEveryNotificationVectorFromAFile(@TempDir Path dir) throws Exception {
        int i = 0;
        for (var v : PE.getJsonArray("notifications").getValuesAs(JsonObject.class)) {
            Path body = dir.resolve("body" + i);
            Path key = dir.resolve("key" + i++);
            Files.write(body, v.getString("body").getBytes(StandardCharsets.UTF_8));
            Files.writeString(key, v.getString("secretKey") + "\n");
            CliRun r = CliRun.run(Map.of(), "pe-verify", "--secret-file", key.toString(),
                    "--body-file", body.toString(), "--signature", v.getString("peSignature"));
            assertEquals(v.getBoolean("valid") ? 0 : 1, r.exit(), v.toString() + "\n" + r.all());
            assertFalse(r.all().contains(v.getString("secretKey")));
        }
    }

    @Test
    void peSignPrintsTheVectorSignature() {
        var v = PE.getJsonArray("notifications").getJsonObject(0);
        CliRun r = CliRun.run(Map.of("K", v.getString("secretKey")), v.getString("body"), Instant.EPOCH,
                "pe-sign", "--secret-env", "K", "--body-file", "-");
        assertEquals(0, r.exit(), r.all());
        assertEquals("PE-Signature: " + v.getString("peSignature"), r.out().strip());
    }

    @Test
    void webhookSignAndVerifyReproduceTheStandardWebhooksVector() {
        Map<String, String> env = Map.of("WHSEC", SW.getString("secret"));
        String ts = String.valueOf(SW.getJsonNumber("timestamp").longValue());
        CliRun signed = CliRun.run(env, "webhook-sign", "--secret-env", "WHSEC", "--id", SW.getString("msgId"),
                "--timestamp", ts, "--body", SW.getString("payload"));
        assertEquals(0, signed.exit(), signed.all());
        assertTrue(signed.out().contains("webhook-signature: " + SW.getString("signature")), signed.out());

        CliRun verified = CliRun.run(env, "webhook-verify", "--secret-env", "WHSEC", "--id", SW.getString("msgId"),
                "--timestamp", ts, "--signature", SW.getString("signature"), "--body", SW.getString("payload"),
                "--now", ts);
        assertEquals(0, verified.exit(), verified.all());
        assertFalse(verified.all().contains(SW.getString("secret").substring(6)));
    }

    @Test
    void webhookVerifyRejectsAStaleTimestampWithItsCode() {
        String ts = String.valueOf(SW.getJsonNumber("timestamp").longValue());
        CliRun r = CliRun.run(Map.of("WHSEC", SW.getString("secret")), "webhook-verify", "--secret-env", "WHSEC",
                "--id", SW.getString("msgId"), "--timestamp", ts, "--signature", SW.getString("signature"),
                "--body", SW.getString("payload"));
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("TIMESTAMP_OUT_OF_RANGE"), r.out());
    }

    @Test
    void webhookVerifyDetectsAChangedBody() {
        String ts = String.valueOf(SW.getJsonNumber("timestamp").longValue());
        CliRun r = CliRun.run(Map.of("WHSEC", SW.getString("secret")), "webhook-verify", "--secret-env", "WHSEC",
                "--id", SW.getString("msgId"), "--timestamp", ts, "--signature", SW.getString("signature"),
                "--body", SW.getString("payload") + " ", "--now", ts);
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("SIGNATURE_INVALID"), r.out());
    }
}
