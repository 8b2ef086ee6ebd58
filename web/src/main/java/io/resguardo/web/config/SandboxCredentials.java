package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Demo credentials of the sandbox, generated when not configured and kept in
 * {@code RESGUARDO_HOME/sandbox/credentials.properties} so that a restart does not invalidate what a developer has
 * already copied into a shop. The directory and the file are owner-only on POSIX file systems; the file is replaced
 * atomically (temporary file, then move), so a crash leaves the old file or the new one, never half of either.
 *
 * <p>Not shared by concurrent writers: two sandbox nodes starting at the same instant on one home could each
 * generate; the last move wins and the other node's values change at its next start.
 */
final class SandboxCredentials {
    static final String DIRECTORY = "sandbox";
    static final String FILE = "credentials.properties";

    /** Every value written is in this alphabet, so the file needs no properties escaping. */
    private static final Pattern WRITABLE = Pattern.compile("[A-Za-z0-9+/=_,.-]+");
    private static final Pattern SERVICE_ID = Pattern.compile("[1-9][0-9]{3}");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int KEY_BYTES = 24;
    private static final int API_KEY_BYTES = 32;
    static final String API_KEY_ID = "sandbox";

    private final Path home;
    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    /** Held only while loading: the loader drops this object once the configuration is built. */
    private final Map<String, String> values;
    private final List<String> generated = new ArrayList<>();
    private final List<String> used = new ArrayList<>();

    private SandboxCredentials(Path home, Clock clock, SecureRandom random, Map<String, String> values) {
        this.home = home;
        this.file = home.resolve(DIRECTORY).resolve(FILE);
        this.clock = clock;
        this.random = random;
        this.values = values;
    }

    /** Reads the file when it exists; a file that cannot be read is a problem of {@code RESGUARDO_HOME}. */
    static SandboxCredentials open(Path home, Clock clock, SecureRandom random, Problems problems,
                                   List<String> warnings) {
        SandboxCredentials credentials = new SandboxCredentials(home, clock, random, new LinkedHashMap<>());
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(credentials.file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        } catch (NoSuchFileException e) {
            return credentials;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(SettingNames.HOME, "cannot read " + DIRECTORY + "/" + FILE + " ("
                    + e.getClass().getSimpleName() + "); fix or delete it to generate new sandbox credentials");
            return credentials;
        }
        for (String name : stored.stringPropertyNames()) {
            credentials.values.put(name, stored.getProperty(name));
        }
        credentials.tightenPermissions(warnings);
        return credentials;
    }

    /**
     * The kept value of {@code name}, or a new one when none is kept or the kept one is no longer acceptable (edited
     * by hand, or written by a version with other rules).
     */
    String value(String name) {
        String kept = values.get(name);
        if (kept == null || !isUsable(name, kept)) {
            kept = generate(name);
            values.put(name, kept);
            generated.add(name);
        }
        used.add(name);
        return kept;
    }

    /** Writes the file when a value was generated. */
    void persistIfChanged(Problems problems) {
        if (generated.isEmpty()) {
            return;
        }
        try {
            write();
        } catch (IOException | UnsupportedOperationException e) {
            problems.add(SettingNames.HOME, "cannot write " + DIRECTORY + "/" + FILE + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    Path file() {
        return file;
    }

    boolean anyUsed() {
        return !used.isEmpty();
    }

    List<String> generatedNames() {
        return List.copyOf(generated);
    }

    List<String> usedNames() {
        return List.copyOf(used);
    }

    private boolean isUsable(String name, String value) {
        if (!WRITABLE.matcher(value).matches()) {
            return false;
        }
        try {
            return switch (name) {
                case SettingNames.SERVICE_ID -> SERVICE_ID.matcher(value).matches();
                case SettingNames.API_KEYS -> !ApiKeys.parse(name, value, new Problems()).isEmpty();
                default -> {
                    Secret.ofText(value, name);
                    yield true;
                }
            };
        } catch (InvalidConfigurationException e) {
            return false;
        }
    }

    private String generate(String name) {
        return switch (name) {
            case SettingNames.SERVICE_ID -> Integer.toString(1000 + random.nextInt(9000));
            case SettingNames.API_KEYS -> API_KEY_ID + "="
                    + Base64.getEncoder().encodeToString(randomBytes(API_KEY_BYTES));
            default -> acceptable(name, () -> Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(randomBytes(KEY_BYTES)));
        };
    }

    /** Retries the (astronomically unlikely) draw that the placeholder rules of core would refuse. */
    private String acceptable(String name, Supplier<String> draw) {
        while (true) {
            String candidate = draw.get();
            if (isUsable(name, candidate)) {
                return candidate;
            }
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private void write() throws IOException {
        Path directory = file.getParent();
        createPrivateDirectory(home, false);
        createPrivateDirectory(directory, true);
        StringBuilder text = new StringBuilder()
                .append("# Resguardo sandbox credentials: generated demo values, never valid at PagoEfectivo.\n")
                .append("# Written ").append(clock.instant()).append(". Delete this file to generate new ones.\n");
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!WRITABLE.matcher(entry.getValue()).matches()) {
                // Only generated or validated values get here; anything else would need escaping we do not do.
                throw new IllegalStateException("unexpected character in sandbox value of " + entry.getKey());
            }
            text.append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
        }
        Path temporary = isPosix(directory)
                ? Files.createTempFile(directory, ".credentials", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, ".credentials", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates {@code directory} owner-only. An existing home is left as the operator made it; our own sandbox
     * directory is always made owner-only, since it holds credentials.
     */
    private static void createPrivateDirectory(Path directory, boolean ours) throws IOException {
        if (!isPosix(directory)) {
            Files.createDirectories(directory);
            return;
        }
        boolean existed = Files.isDirectory(directory);
        if (!existed) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        }
        if (ours || !existed) {
            // The creation mode is filtered by the umask; setting it afterwards is exact.
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        }
    }

    private void tightenPermissions(List<String> warnings) {
        if (!isPosix(file)) {
            return;
        }
        try {
            boolean loose = !Files.getPosixFilePermissions(file).equals(OWNER_FILE)
                    || !Files.getPosixFilePermissions(file.getParent()).equals(OWNER_DIRECTORY);
            if (loose) {
                Files.setPosixFilePermissions(file.getParent(), OWNER_DIRECTORY);
                Files.setPosixFilePermissions(file, OWNER_FILE);
                warnings.add("sandbox credentials in " + file + " were readable by others; made owner-only");
            }
        } catch (IOException e) {
            warnings.add("sandbox credentials in " + file + " may be readable by others; cannot change permissions ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
