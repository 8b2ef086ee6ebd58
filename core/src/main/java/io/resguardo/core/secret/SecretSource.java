package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads {@code NAME} or {@code NAME_FILE} (container secrets convention). */
final class SecretSource {
    /** Secret files are small; anything larger is a mistake (a key store or a log pointed at by accident). */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private SecretSource() {
    }

    static Optional<String> text(String name, Map<String, String> environment) {
        String direct = environment.get(name);
        String file = environment.get(name + "_FILE");
        boolean hasDirect = direct != null && !direct.isEmpty();
        boolean hasFile = file != null && !file.isEmpty();
        if (hasDirect && hasFile) {
            throw new InvalidConfigurationException(name + " and " + name + "_FILE are both set; set only one");
        }
        if (hasFile) {
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                // Its message quotes the input, which may be the key set under the wrong name.
                throw new InvalidConfigurationException(name + "_FILE is not a valid file path");
            }
            return Optional.of(readFile(path, name + "_FILE"));
        }
        return hasDirect ? Optional.of(direct) : Optional.empty();
    }

    /**
     * The path for an error message. Container secrets live at absolute paths; a relative one is more likely the key
     * itself set under {@code NAME_FILE} by mistake, so it is not shown.
     */
    private static String shown(Path file) {
        return file.isAbsolute() ? file.toString() : "(relative path, not shown)";
    }

    static String readFile(Path file, String name) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidConfigurationException(name + ": file " + shown(file) + " is larger than " + MAX_FILE_BYTES
                        + " bytes; it does not look like a secret");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException(name + ": file " + shown(file) + " is not UTF-8 text");
        } catch (IOException e) {
            // The exception type says why (missing, permission).
            throw new InvalidConfigurationException(name + ": cannot read file " + shown(file) + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
