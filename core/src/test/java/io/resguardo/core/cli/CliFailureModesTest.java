package io.resguardo.core.cli;

import io.resguardo.core.webhook.WebhookSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliFailureModesTest {
    private static final String WHSEC = WebhookSecret.generate(new SecureRandom()).revealEncoded();
    private static final String API_KEY = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    @Test
    void webhookVerifyWithANowBeyondTheCalendarIsAUsageError() {
        CliRun r = CliRun.run(Map.of("WH", WHSEC), "webhook-verify", "--secret-env", "WH", "--id", "msg_1",
                "--timestamp", "1700000000", "--signature", "v1,AAAA", "--body", "{}",
                "--now", "999999999999999999");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--now"), r.err());
    }

    @Test
    void httpVerifyWithANowBeyondTheCalendarIsAUsageError() {
        CliRun r = CliRun.run(Map.of("K", API_KEY), "http-verify", "--secret-env", "K",
                "--uri", "https://shop.example/api/v1/orders", "--now", "-999999999999999999");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--now"), r.err());
    }

    @Test
    void aSecretValuePassedAsTheVariableNameIsNotEchoed() {
        // The tempting mistake: --secret-env "$PAGOEFECTIVO_SECRET_KEY" hands the value, not the name.
        String value = "k7Qm-2xZp9vR4tW8yB3n";
        CliRun r = CliRun.run(Map.of(), "pe-sign", "--secret-env", value, "--body", "{}");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--secret-env"), r.err());
        assertFalse(r.all().contains(value), r.all());
    }

    @Test
    void noCommandPrintsTheOverviewToStandardError() {
        CliRun r = CliRun.run(Map.of());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("usage:"), r.err());
        assertEquals("", r.out());
    }
}
