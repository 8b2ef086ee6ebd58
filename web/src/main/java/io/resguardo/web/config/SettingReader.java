package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of single settings. A bad value is recorded in {@link Problems} (by name, never by value) and the
 * default is returned, so that loading goes on and reports every problem at once.
 */
final class SettingReader {
    /** Secret files are small; a larger one is a mistake (a key store or a log named by accident). */
    private static final int MAX_SECRET_FILE_BYTES = 64 * 1024;

    private final SettingSource source;
    private final Problems problems;
    /** Dropped with the reader at the end of the load: no value outlives it here. */
    private final Map<String, Optional<String>> looked = new HashMap<>();

    SettingReader(SettingSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The raw value, as the source holds it. Each name is looked up once per load, so a failing source (JNDI) is
     * one problem, not a crash and not two problems.
     */
    Optional<String> raw(String name) {
        return looked.computeIfAbsent(name, this::lookUp);
    }

    private Optional<String> lookUp(String name) {
        try {
            return source.get(name).filter(value -> !value.isBlank());
        } catch (RuntimeException e) {
            // The exception's message may quote what was found; its type is enough to point at the source.
            problems.add(name, "could not be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** The value without surrounding blanks: right for names, numbers, URLs and lists. */
    Optional<String> text(String name) {
        return raw(name).map(String::strip);
    }

    boolean isSet(String name) {
        return raw(name).isPresent();
    }

    /**
     * A secret given either as {@code NAME} or as a file path in {@code NAME_FILE}, whose content is the value with
     * one trailing {@code \n} or {@code \r\n} removed. Both set is a problem, since it is unclear which one the
     * operator meant.
     */
    Optional<String> secret(String name) {
        String fileName = name + SettingNames.FILE_SUFFIX;
        Optional<String> direct = raw(name);
        Optional<String> file = text(fileName);
        if (direct.isPresent() && file.isPresent()) {
            problems.add(name, "set both directly and as " + fileName + "; set only one");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return readSecretFile(fileName, file.get());
        }
        return direct;
    }

    /** Whether {@code NAME} or {@code NAME_FILE} is set. */
    boolean isSecretSet(String name) {
        return isSet(name) || isSet(name + SettingNames.FILE_SUFFIX);
    }

    private Optional<String> readSecretFile(String fileName, String pathText) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            problems.add(fileName, "is not a valid file path");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte over the limit is enough to know the file is too large, without reading all of it.
            bytes = in.readNBytes(MAX_SECRET_FILE_BYTES + 1);
        } catch (IOException e) {
            problems.add(fileName, "cannot read the file (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        if (bytes.length > MAX_SECRET_FILE_BYTES) {
            problems.add(fileName, "the file is larger than " + MAX_SECRET_FILE_BYTES + " bytes; it does not look like"
                    + " a secret");
            return Optional.empty();
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(fileName, "the file is not UTF-8 text");
            return Optional.empty();
        }
        if (content.endsWith("\r\n")) {
            content = content.substring(0, content.length() - 2);
        } else if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        if (content.isBlank()) {
            problems.add(fileName, "the file is empty");
            return Optional.empty();
        }
        return Optional.of(content);
    }

    /**
     * The secret checks of core ({@link Secret#ofText}) plus surrounding blanks, which core would keep as part of
     * the key: a key pasted with a trailing space would then sign differently from PagoEfectivo's.
     */
    Optional<Secret> checkedSecret(String name, String text) {
        if (!text.equals(text.strip())) {
            problems.add(name, "has leading or trailing blanks");
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.ofText(text, name));
        } catch (InvalidConfigurationException e) {
            problems.add(name, e);
            return Optional.empty();
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range, which says what a valid value looks like.
        }
        problems.add(name, "must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration value = Duration.parse(text.get());
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // Reported below with the range and the format.
        }
        problems.add(name, "must be an ISO-8601 duration from " + min + " to " + max + " (e.g. " + defaultValue + ")");
        return defaultValue;
    }

    boolean bool(String name, boolean defaultValue) {
        Optional<String> text = text(name).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(name, "must be true or false");
                yield defaultValue;
            }
        };
    }
}
