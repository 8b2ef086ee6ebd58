package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final String OLD_TEXT = "Old-Key-7fQ2mX9vL4pT";
    private static final String NEW_TEXT = "New-Key-3kR8wZ5nB1cY";
    private static final Secret OLD = Secret.ofText(OLD_TEXT);
    private static final Secret NEW = Secret.ofText(NEW_TEXT);

    private final MutableClock clock = MutableClock.at(NOW);

    @TempDir
    Path dir;

    @Test
    void theNewestValidKeySignsAndEveryValidKeyVerifies() {
        Instant switchAt = NOW.plus(Duration.ofDays(1));
        Instant oldEnds = NOW.plus(Duration.ofDays(3));
        KeyRing ring = KeyRing.of(List.of(
                new VersionedKey("k1", OLD, Instant.MIN, oldEnds, null),
                new VersionedKey("k2", NEW, switchAt, null, null)), clock);

        assertEquals("k1", ring.current().id());
        assertEquals(List.of("k1"), ids(ring.verifying()));

        clock.set(switchAt);
        assertEquals("k2", ring.current().id());
        assertEquals(List.of("k2", "k1"), ids(ring.verifying()));

        clock.set(oldEnds.minusNanos(1));
        assertEquals(List.of("k2", "k1"), ids(ring.verifying()));

        clock.set(oldEnds);
        assertEquals(List.of("k2"), ids(ring.verifying()));
        assertEquals("k2", ring.current().id());
    }

    @Test
    void currentAndPreviousOverlapUntilThePreviousEnds() {
        Instant until = NOW.plus(Duration.ofHours(6));
        KeyRing ring = KeyRing.ofCurrentAndPrevious(NEW, null, OLD, until, clock);
        assertEquals(KeyRing.CURRENT_ID, ring.current().id());
        assertEquals(List.of(KeyRing.CURRENT_ID, KeyRing.PREVIOUS_ID), ids(ring.verifying()));
        clock.set(until);
        assertEquals(List.of(KeyRing.CURRENT_ID), ids(ring.verifying()));
        assertEquals(KeyRing.CURRENT_ID, ring.current().id());
    }

    @Test
    void refusesAnEmptyRingDuplicateIdsAndARingWithoutAValidKey() {
        assertThrows(InvalidConfigurationException.class, () -> KeyRing.of(List.of(), clock));
        assertThrows(InvalidConfigurationException.class, () -> KeyRing.of(
                List.of(VersionedKey.of("a", OLD), VersionedKey.of("a", NEW)), clock));
        assertThrows(InvalidConfigurationException.class, () -> KeyRing.of(
                List.of(new VersionedKey("a", OLD, NOW.plusSeconds(1), null, null)), clock));
        assertThrows(InvalidConfigurationException.class, () -> KeyRing.of(
                List.of(new VersionedKey("a", OLD, Instant.MIN, NOW, null)), clock));
    }

    @Test
    void currentFailsOnceEveryKeyHasExpired() {
        KeyRing ring = KeyRing.of(List.of(new VersionedKey("a", OLD, Instant.MIN, NOW.plusSeconds(60), null)), clock);
        clock.advance(Duration.ofSeconds(60));
        assertThrows(InvalidConfigurationException.class, ring::current);
        assertTrue(ring.verifying().isEmpty());
    }

    @Test
    void refusesMalformedKeys() {
        assertThrows(InvalidConfigurationException.class, () -> VersionedKey.of("has space", OLD));
        assertThrows(InvalidConfigurationException.class, () -> VersionedKey.of("", OLD));
        assertThrows(InvalidConfigurationException.class, () -> new VersionedKey("a", OLD, NOW, NOW, null));
    }

    @ParameterizedTest
    @CsvSource({"79,OK", "80,OK", "81,WARN", "89,WARN", "90,WARN", "91,FAIL"})
    void reportsTheCurrentKeyAgeAgainstTheRotationPolicy(int days, RotationStatus expected) {
        LocalDate today = LocalDate.ofInstant(NOW, clock.getZone());
        LocalDate created = today.minusDays(days);
        KeyRing ring = KeyRing.ofCurrentAndPrevious(NEW, created, null, null, clock);
        KeyAge age = ring.currentKeyAge().orElseThrow();
        assertEquals(days, age.ageDays());
        assertEquals(expected, age.status());
        assertEquals(KeyRing.CURRENT_ID, age.keyId());
        assertEquals(created.plusDays(KeyAge.FAIL_AFTER_DAYS), age.rotationDue());
    }

    @Test
    void theAgeIsMeasuredAtEveryCall() {
        KeyRing ring = KeyRing.ofCurrentAndPrevious(NEW, LocalDate.ofInstant(NOW, clock.getZone()).minusDays(80),
                null, null, clock);
        assertEquals(RotationStatus.OK, ring.currentKeyAge().orElseThrow().status());
        clock.advance(Duration.ofDays(1));
        assertEquals(RotationStatus.WARN, ring.currentKeyAge().orElseThrow().status());
    }

    @Test
    void reportsNoAgeWhenTheIssueDateIsUnknown() {
        assertTrue(KeyRing.ofCurrentAndPrevious(NEW, null, null, null, clock).currentKeyAge().isEmpty());
    }

    @Test
    void refusesAPreviousKeyWithoutAnEndAndAnEndWithoutAPreviousKey() {
        InvalidConfigurationException noEnd = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.ofCurrentAndPrevious(NEW, null, OLD, null, clock));
        assertTrue(noEnd.getMessage().contains(KeyRing.SECRET_KEY_PREVIOUS_UNTIL));
        assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.ofCurrentAndPrevious(NEW, null, null, NOW.plusSeconds(60), clock));
        assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.ofCurrentAndPrevious(NEW, null, Secret.ofText(NEW_TEXT), NOW.plusSeconds(60), clock));
    }

    @Test
    void readsTheContractSettings() {
        KeyRing ring = KeyRing.fromSettings(Map.of(
                KeyRing.SECRET_KEY, NEW_TEXT,
                KeyRing.SECRET_KEY_PREVIOUS, OLD_TEXT,
                KeyRing.SECRET_KEY_PREVIOUS_UNTIL, "2026-11-27T00:00:00Z",
                KeyRing.SECRET_KEY_CREATED, "2026-10-01"), clock);
        assertEquals(NEW, ring.current().secret());
        assertEquals(OLD, ring.verifying().get(1).secret());
        assertEquals(LocalDate.parse("2026-10-01"), ring.currentKeyAge().orElseThrow().created());
    }

    @Test
    void readsTheCurrentKeyFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("pe"), NEW_TEXT + "\n");
        KeyRing ring = KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY + "_FILE", file.toString()), clock);
        assertEquals(NEW, ring.current().secret());
    }

    @Test
    void dropsAPreviousKeyWhoseOverlapHasEnded() {
        KeyRing ring = KeyRing.fromSettings(Map.of(
                KeyRing.SECRET_KEY, NEW_TEXT,
                KeyRing.SECRET_KEY_PREVIOUS, OLD_TEXT,
                KeyRing.SECRET_KEY_PREVIOUS_UNTIL, NOW.minusSeconds(1).toString()), clock);
        assertEquals(1, ring.keys().size());
    }

    @Test
    void namesTheSettingThatIsWrongButNeverItsValue() {
        InvalidConfigurationException missing = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(), clock));
        assertTrue(missing.getMessage().contains(KeyRing.SECRET_KEY));

        InvalidConfigurationException placeholder = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY, "xxxx-xxxx-9f3k"), clock));
        assertTrue(placeholder.getMessage().contains(KeyRing.SECRET_KEY));
        assertFalse(placeholder.getMessage().contains("xxxx-xxxx-9f3k"));

        InvalidConfigurationException until = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY, NEW_TEXT, KeyRing.SECRET_KEY_PREVIOUS, OLD_TEXT,
                        KeyRing.SECRET_KEY_PREVIOUS_UNTIL, "tomorrow"), clock));
        assertTrue(until.getMessage().contains(KeyRing.SECRET_KEY_PREVIOUS_UNTIL));
        assertFalse(until.getMessage().contains(OLD_TEXT));

        InvalidConfigurationException created = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY, NEW_TEXT,
                        KeyRing.SECRET_KEY_CREATED, "26/11/2026"), clock));
        assertTrue(created.getMessage().contains(KeyRing.SECRET_KEY_CREATED));
    }

    @Test
    void aKeyPastedIntoADateSettingIsNotEchoedInTheError() {
        // PAGOEFECTIVO_SECRET_KEY_PREVIOUS and ..._PREVIOUS_UNTIL sit side by side: the old key pasted into the date
        // setting must not end up in the deployment log.
        InvalidConfigurationException until = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY, NEW_TEXT, KeyRing.SECRET_KEY_PREVIOUS, OLD_TEXT,
                        KeyRing.SECRET_KEY_PREVIOUS_UNTIL, OLD_TEXT), clock));
        assertTrue(until.getMessage().contains(KeyRing.SECRET_KEY_PREVIOUS_UNTIL), until.getMessage());
        assertFalse(until.getMessage().contains(OLD_TEXT), until.getMessage());

        InvalidConfigurationException created = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.fromSettings(Map.of(KeyRing.SECRET_KEY, NEW_TEXT, KeyRing.SECRET_KEY_CREATED, NEW_TEXT),
                        clock));
        assertTrue(created.getMessage().contains(KeyRing.SECRET_KEY_CREATED), created.getMessage());
        assertFalse(created.getMessage().contains(NEW_TEXT), created.getMessage());
    }

    @Test
    void printsIdsAndWindowsButNoKeyMaterial() {
        KeyRing ring = KeyRing.ofCurrentAndPrevious(NEW, null, OLD, NOW.plusSeconds(60), clock);
        String text = ring + " " + ring.keys();
        assertFalse(text.contains(NEW_TEXT));
        assertFalse(text.contains(OLD_TEXT));
        assertTrue(text.contains(KeyRing.PREVIOUS_ID));
    }

    private static List<String> ids(List<VersionedKey> keys) {
        return keys.stream().map(VersionedKey::id).toList();
    }
}
