package io.resguardo.core.webhook;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the standard base64 of 24 to 64 random bytes.
 *
 * <p>Parsing is strict: the base64 must be canonical (standard alphabet, padding present when due); a value without
 * the {@code whsec_} prefix is accepted as bare base64, as the reference libraries do. The decoded bytes are held as
 * a {@link Secret}: never printed, compared in constant time.
 *
 * <p>Two entry points check different things, on purpose:
 * <ul>
 *   <li>{@link #parse(String)} checks the decoded key (length, not one byte repeated). It accepts the Standard
 *       Webhooks specification's own example secret, so that the published test vector can be reproduced.</li>
 *   <li>{@link #fromSetting(String, String)} is for deployment configuration: it additionally runs the text through
 *       {@link Secret#ofText(String, String)}, which refuses placeholders and secrets printed in documentation,
 *       that example among them.</li>
 * </ul>
 */
public final class WebhookSecret {
    /** The prefix of the text form. */
    public static final String PREFIX = "whsec_";
    /** Shortest key accepted, in bytes (the specification's lower bound). */
    public static final int MIN_BYTES = 24;
    /** Longest key accepted, in bytes (the specification's upper bound). */
    public static final int MAX_BYTES = 64;
    /** Length of keys made by {@link #generate(SecureRandom)}. */
    public static final int GENERATED_BYTES = 32;

    private final Secret key;

    private WebhookSecret(Secret key) {
        this.key = key;
    }

    /**
     * Parses {@code whsec_<base64>} or bare {@code <base64>}.
     *
     * @throws InvalidConfigurationException when the base64 is malformed or not canonical, or the key is shorter
     *                                       than {@value #MIN_BYTES}, longer than {@value #MAX_BYTES} bytes, or one
     *                                       byte repeated; the message never contains the value
     */
    public static WebhookSecret parse(String text) {
        return parse(text, "webhook secret");
    }

    private static WebhookSecret parse(String text, String name) {
        Objects.requireNonNull(text, "text");
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(name + " is not " + PREFIX + " followed by base64");
        }
        try {
            if (!Base64.getEncoder().encodeToString(bytes).equals(encoded)) {
                throw new InvalidConfigurationException(name + " is not canonical base64 (padding or trailing bits)");
            }
            if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
                throw new InvalidConfigurationException(name + " decodes to " + bytes.length + " bytes; "
                        + MIN_BYTES + " to " + MAX_BYTES + " are required");
            }
            return new WebhookSecret(Secret.ofBytes(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Parses a configured secret, as {@link #parse(String)}, and also refuses the text as
     * {@link Secret#ofText(String, String)} does (placeholders, documentation samples).
     *
     * @param name the setting's name, used in error messages instead of the value
     * @throws InvalidConfigurationException naming {@code name}
     */
    public static WebhookSecret fromSetting(String text, String name) {
        Objects.requireNonNull(name, "name");
        Secret.ofText(Objects.requireNonNull(text, "text"), name);
        return parse(text.strip(), name);
    }

    /** A new random secret of {@value #GENERATED_BYTES} bytes. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        do {
            random.nextBytes(bytes);
        } while (allSame(bytes));
        try {
            return new WebhookSecret(Secret.ofBytes(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean allSame(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    /** The {@code whsec_<base64>} text, to hand to the receiving party. Every caller exposes the key: keep them few. */
    public String revealEncoded() {
        byte[] bytes = key.revealBytes();
        try {
            return PREFIX + Base64.getEncoder().encodeToString(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The decoded key. */
    Secret key() {
        return key;
    }

    /** Constant-time comparison of the keys. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted, " + key.length() + " bytes]";
    }
}
