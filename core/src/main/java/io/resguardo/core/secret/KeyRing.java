package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Several versioned secrets with validity windows: the newest valid one signs, every valid one verifies. This is how
 * a key is rotated without a window in which the peer's messages fail: the new key becomes current while the old one
 * keeps verifying until the end of its window.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Validity is decided against the injected {@link Clock} at every call; nothing about "now" is cached, so a key
 *       stops verifying at the instant its window ends.</li>
 *   <li>Key ids are unique; the ring is never empty and had a valid key when it was built.</li>
 *   <li>{@link #toString()} lists key ids and windows, never key material.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class KeyRing {
    /** The current PagoEfectivo secret key (CONTRACT.md section 7); {@code _FILE} is honoured. */
    public static final String SECRET_KEY = "PAGOEFECTIVO_SECRET_KEY";
    /** The previous key, still accepted for notifications until {@link #SECRET_KEY_PREVIOUS_UNTIL}. */
    public static final String SECRET_KEY_PREVIOUS = "PAGOEFECTIVO_SECRET_KEY_PREVIOUS";
    /** ISO-8601 instant at which the previous key stops verifying. */
    public static final String SECRET_KEY_PREVIOUS_UNTIL = "PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL";
    /** ISO date the current key was issued; drives {@link #currentKeyAge()}. */
    public static final String SECRET_KEY_CREATED = "PAGOEFECTIVO_SECRET_KEY_CREATED";
    /** Id given to the current key by {@link #ofCurrentAndPrevious}. */
    public static final String CURRENT_ID = "current";
    /** Id given to the previous key by {@link #ofCurrentAndPrevious}. */
    public static final String PREVIOUS_ID = "previous";

    /** Newest first (latest {@code notBefore}; ties keep the caller's order). */
    private final List<VersionedKey> keys;
    private final Clock clock;

    private KeyRing(List<VersionedKey> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A ring of {@code keys}, judged against {@code clock}.
     *
     * @throws InvalidConfigurationException when empty, when two keys share an id, or when no key is valid now
     */
    public static KeyRing of(List<VersionedKey> keys, Clock clock) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        if (keys.isEmpty()) {
            throw new InvalidConfigurationException("key ring is empty");
        }
        Set<String> ids = new HashSet<>();
        for (VersionedKey key : keys) {
            Objects.requireNonNull(key, "key");
            if (!ids.add(key.id())) {
                throw new InvalidConfigurationException("key ring holds key id " + key.id() + " twice");
            }
        }
        List<VersionedKey> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(VersionedKey::notBefore).reversed());
        KeyRing ring = new KeyRing(List.copyOf(sorted), clock);
        ring.current();
        return ring;
    }

    /**
     * The ring CONTRACT.md section 7 describes: {@code current} (id {@value #CURRENT_ID}) signs and verifies; the
     * optional {@code previous} (id {@value #PREVIOUS_ID}) only verifies, until {@code previousUntil} (exclusive).
     *
     * @param currentCreated day the current key was issued, or {@code null} when unknown
     * @param previous       the key being rotated out, or {@code null}
     * @param previousUntil  end of the overlap; required exactly when {@code previous} is given
     * @throws InvalidConfigurationException when the previous key lacks an end (an open-ended old key defeats
     *                                       rotation), an end is given without a previous key, or both keys are equal
     */
    public static KeyRing ofCurrentAndPrevious(Secret current, LocalDate currentCreated, Secret previous,
                                               Instant previousUntil, Clock clock) {
        Objects.requireNonNull(current, "current");
        List<VersionedKey> keys = new ArrayList<>(2);
        keys.add(new VersionedKey(CURRENT_ID, current, Instant.MIN, null, currentCreated));
        if (previous == null && previousUntil != null) {
            throw new InvalidConfigurationException(SECRET_KEY_PREVIOUS_UNTIL + " is set but "
                    + SECRET_KEY_PREVIOUS + " is not");
        }
        if (previous != null) {
            if (previousUntil == null) {
                throw new InvalidConfigurationException(SECRET_KEY_PREVIOUS + " is set without "
                        + SECRET_KEY_PREVIOUS_UNTIL + "; an old key must have an end");
            }
            if (previous.equals(current)) {
                throw new InvalidConfigurationException(SECRET_KEY_PREVIOUS + " equals " + SECRET_KEY);
            }
            keys.add(new VersionedKey(PREVIOUS_ID, previous, Instant.MIN, previousUntil, null));
        }
        return of(keys, clock);
    }

    /**
     * Reads {@value #SECRET_KEY}, {@value #SECRET_KEY_PREVIOUS} (both also as {@code _FILE}),
     * {@value #SECRET_KEY_PREVIOUS_UNTIL} and {@value #SECRET_KEY_CREATED} from {@code settings} and builds the ring
     * of {@link #ofCurrentAndPrevious}. An expired previous key is dropped rather than refused, so a deployment does
     * not fail merely because nobody removed the setting after the overlap.
     *
     * @throws InvalidConfigurationException naming the setting (never its value) when a key is missing, weak or a
     *                                       placeholder, or a date does not parse
     */
    public static KeyRing fromSettings(Map<String, String> settings, Clock clock) {
        Secret current = Secret.fromEnvironment(SECRET_KEY, settings)
                .orElseThrow(() -> new InvalidConfigurationException(SECRET_KEY + " is not set"));
        Optional<Secret> previous = Secret.fromEnvironment(SECRET_KEY_PREVIOUS, settings);
        Instant until = parseSetting(settings, SECRET_KEY_PREVIOUS_UNTIL, Instant::parse);
        LocalDate created = parseSetting(settings, SECRET_KEY_CREATED, LocalDate::parse);
        if (previous.isPresent() && until != null && !clock.instant().isBefore(until)) {
            return ofCurrentAndPrevious(current, created, null, null, clock);
        }
        return ofCurrentAndPrevious(current, created, previous.orElse(null), until, clock);
    }

    private static <T> T parseSetting(Map<String, String> settings, String name, Function<String, T> parser) {
        String text = settings.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (DateTimeParseException e) {
            // The value is not echoed: it sits next to the key settings, and a key pasted here must not reach the log.
            throw new InvalidConfigurationException(name + " is not an ISO-8601 value (value not shown, "
                    + text.strip().length() + " characters)");
        }
    }

    /**
     * The key to sign with: the valid key with the latest {@code notBefore}.
     *
     * @throws InvalidConfigurationException when no key is valid now (every window has ended or not yet begun)
     */
    public VersionedKey current() {
        Instant now = clock.instant();
        for (VersionedKey key : keys) {
            if (key.isValidAt(now)) {
                return key;
            }
        }
        throw new InvalidConfigurationException("no key of the ring is valid at " + now);
    }

    /** Every key valid now, newest first; empty when none is (verification then fails). */
    public List<VersionedKey> verifying() {
        Instant now = clock.instant();
        List<VersionedKey> valid = new ArrayList<>(keys.size());
        for (VersionedKey key : keys) {
            if (key.isValidAt(now)) {
                valid.add(key);
            }
        }
        return List.copyOf(valid);
    }

    /**
     * Every key of the ring, valid now or not, newest first. Verifiers that keep per-key state index it by this list
     * and test {@link VersionedKey#isValidAt(Instant)} per call.
     */
    public List<VersionedKey> keys() {
        return keys;
    }

    /** The clock validity is judged against. */
    public Clock clock() {
        return clock;
    }

    /**
     * The age of the current key measured on today's date in the clock's zone, or empty when its issue date is
     * unknown.
     *
     * @throws InvalidConfigurationException when no key is valid now
     */
    public Optional<KeyAge> currentKeyAge() {
        VersionedKey current = current();
        return current.issuedOn().map(created -> KeyAge.measure(current.id(), created, LocalDate.now(clock)));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("KeyRing[");
        for (int i = 0; i < keys.size(); i++) {
            VersionedKey key = keys.get(i);
            out.append(i == 0 ? "" : ", ").append(key.id()).append(" [")
                    .append(key.notBefore().equals(Instant.MIN) ? "-" : key.notBefore()).append(", ")
                    .append(key.notAfter() == null ? "-" : key.notAfter()).append(')');
        }
        return out.append(']').toString();
    }
}
