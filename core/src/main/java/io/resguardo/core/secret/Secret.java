package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secret key material that never shows its value.
 *
 * <p>Security guarantees:
 * <ul>
 *   <li>{@link #toString()} never prints the value; the class is not {@link java.io.Serializable}; no exception thrown
 *       by this class contains the value.</li>
 *   <li>Bytes are copied in and out: callers cannot change a {@code Secret} after the fact.</li>
 *   <li>{@link #equals(Object)} runs in time independent of where the values differ.</li>
 *   <li>Every factory rejects empty values and one repeated character or byte; the text factories also reject
 *       well-known placeholders ("changeme", "secret", "test", "xxxx…", documentation samples), made-up keys
 *       ("test-secret-key-1234", keyboard runs, the setting's own name) and text shorter than 16 characters: a
 *       deployment with such a value must fail, not run.</li>
 * </ul>
 * The only way to the bytes is {@link #revealBytes()}, named so that every use stands out in review.
 */
public final class Secret {
    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /**
     * A secret from raw bytes (a decoded key).
     *
     * @throws InvalidConfigurationException when empty or one byte repeated
     */
    public static Secret ofBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] copy = bytes.clone();
        Placeholders.rejectWeakBytes(copy, "secret");
        return new Secret(copy);
    }

    /**
     * A secret from text (its UTF-8 bytes), as PagoEfectivo issues them.
     *
     * @throws InvalidConfigurationException when empty, blank, shorter than 16 characters, a placeholder, a made-up
     *     key or a documentation sample
     */
    public static Secret ofText(String text) {
        return ofText(text, "secret");
    }

    /**
     * As {@link #ofText(String)}, naming the setting in the error message (the name, never the value).
     */
    public static Secret ofText(String text, String name) {
        Objects.requireNonNull(text, "text");
        Placeholders.rejectWeakText(text, name);
        return new Secret(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads secret {@code name} from an environment map: either {@code NAME} holds the value, or {@code NAME_FILE}
     * holds the path of a file whose content is the value (one trailing newline ignored; the container-secrets
     * convention). Setting both is an error, since it is not clear which one the operator meant.
     *
     * @return empty when neither is set
     * @throws InvalidConfigurationException when both are set, the file cannot be read, or the value is weak
     */
    public static Optional<Secret> fromEnvironment(String name, Map<String, String> environment) {
        return SecretSource.text(name, environment).map(text -> ofText(text, name));
    }

    /**
     * As {@link #fromEnvironment(String, Map)} with the process environment.
     */
    public static Optional<Secret> fromEnvironment(String name) {
        return fromEnvironment(name, System.getenv());
    }

    /**
     * Reads a secret from a file: its content, one trailing newline ignored.
     *
     * @throws InvalidConfigurationException when the file cannot be read or the value is weak
     */
    public static Secret fromFile(Path file, String name) {
        return ofText(SecretSource.readFile(file, name), name);
    }

    /** A copy of the secret bytes. Every caller is a place where key material leaves this type: keep them few. */
    public byte[] revealBytes() {
        return value.clone();
    }

    /** The number of bytes of the secret (not secret itself). */
    public int length() {
        return value.length;
    }

    /** Constant-time comparison with another secret. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(value, that.value);
    }

    /** Depends on the length only, so that hash-based collections leak nothing about the value. */
    @Override
    public int hashCode() {
        return value.length;
    }

    /** Constant-time comparison with candidate bytes. */
    public boolean matches(byte[] candidate) {
        return candidate != null && MessageDigest.isEqual(value, candidate);
    }

    @Override
    public String toString() {
        return "Secret[redacted, " + value.length + " bytes]";
    }

    /** Overwrites the bytes held; later uses see zeros. For callers that manage key lifetime explicitly. */
    public void destroy() {
        Arrays.fill(value, (byte) 0);
    }
}
