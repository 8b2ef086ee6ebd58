package io.resguardo.core.webhook;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretTest {
    private static final String VECTOR_SECRET = Vectors.load("standard-webhooks.json").getString("secret");

    @Test
    void parsesTheSpecificationSampleWithAndWithoutPrefix() {
        WebhookSecret prefixed = WebhookSecret.parse(VECTOR_SECRET);
        WebhookSecret bare = WebhookSecret.parse(VECTOR_SECRET.substring(WebhookSecret.PREFIX.length()));
        assertEquals(prefixed, bare);
        assertEquals(VECTOR_SECRET, prefixed.revealEncoded());
    }

    @Test
    void refusesTheSpecificationSampleAsDeploymentConfiguration() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> WebhookSecret.fromSetting(VECTOR_SECRET, "RESGUARDO_SHOP_WEBHOOK_SECRET"));
        assertTrue(e.getMessage().contains("RESGUARDO_SHOP_WEBHOOK_SECRET"));
        assertFalse(e.getMessage().contains(VECTOR_SECRET));
    }

    @Test
    void generatesSecretsThatRoundTripThroughTheirText() {
        SecureRandom random = new SecureRandom();
        WebhookSecret generated = WebhookSecret.generate(random);
        String text = generated.revealEncoded();
        assertTrue(text.startsWith(WebhookSecret.PREFIX));
        assertEquals(generated, WebhookSecret.parse(text));
        assertEquals(generated, WebhookSecret.fromSetting(text + "\n", "S"));
        assertNotEquals(generated, WebhookSecret.generate(random));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "whsec_", "whsec_not base64!", "whsec_%%%%", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw=", "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX====",
            "whsec_AAECAwQFBgcICQoLDA0ODxAREhM=", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesMalformedShortOrWeakSecrets(String text) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> WebhookSecret.parse(text));
        assertFalse(!text.isEmpty() && e.getMessage().contains(text));
    }

    @Test
    void refusesNonCanonicalBase64() {
        byte[] key = new byte[25];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        String canonical = Base64.getEncoder().encodeToString(key);
        WebhookSecret.parse(canonical);
        assertThrows(InvalidConfigurationException.class, () -> WebhookSecret.parse(canonical.replace("=", "")));
        char last = canonical.charAt(canonical.length() - 3);
        String strayBits = canonical.substring(0, canonical.length() - 3) + (char) (last + 1) + "==";
        assertThrows(InvalidConfigurationException.class, () -> WebhookSecret.parse(strayBits));
    }

    @Test
    void refusesKeysLongerThanTheSpecificationAllows() {
        byte[] key = new byte[WebhookSecret.MAX_BYTES + 1];
        key[0] = 1;
        assertThrows(InvalidConfigurationException.class,
                () -> WebhookSecret.parse(Base64.getEncoder().encodeToString(key)));
    }

    @Test
    void printsNoKeyMaterial() {
        WebhookSecret secret = WebhookSecret.parse(VECTOR_SECRET);
        assertFalse(secret.toString().contains(VECTOR_SECRET.substring(WebhookSecret.PREFIX.length())));
        assertTrue(secret.toString().contains("redacted"));
    }
}
