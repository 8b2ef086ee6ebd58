package io.resguardo.testfixtures;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The published test vectors, read from this module's copy ({@code vectors/} on the class path) so that a fresh
 * clone tests without {@code ../shared}. The copy is kept byte-identical to {@code ../shared/vectors}; a test in this
 * module fails when the two drift.
 */
public final class Vectors {
    /** Every vector file shipped. */
    public static final List<String> FILES = List.of(
            "pagoefectivo.json",
            "resguardo-shop-requests.json",
            "rfc9421-http-message-signatures.json",
            "rfc9530-content-digest.json",
            "standard-webhooks.json");

    /** System property naming the directory of the published vectors, set by the build. */
    public static final String SHARED_DIR_PROPERTY = "resguardo.shared.vectors";

    private Vectors() {
    }

    /** The raw bytes of one vector file. */
    public static byte[] bytes(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One vector file as a JSON object. */
    public static JsonObject load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published vectors directory beside the checkout, when present. */
    public static Optional<Path> sharedDirectory() {
        String dir = System.getProperty(SHARED_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(dir);
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
