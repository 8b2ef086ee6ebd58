package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.util.Locale;
import java.util.Set;

/**
 * Recognizes values that are not real secrets: empty, one repeated character, words people type while trying
 * things out, and keys printed in documentation. Matching ignores case and the separators {@code -_. }.
 */
final class Placeholders {
    private static final Set<String> WORDS = Set.of(
            "changeme", "changeit", "secret", "secretkey", "mysecret", "yoursecret", "yoursecretkey", "test",
            "testing", "testkey", "password", "passw0rd", "admin", "default", "example", "sample", "demo", "dummy",
            "placeholder", "todo", "fixme", "none", "null", "undefined", "key", "apikey", "accesskey", "token",
            "letmein", "qwerty", "123456", "12345678", "1234567890", "abc123", "replaceme", "insertkeyhere",
            "yourkeyhere", "yourapikey", "youraccesskey", "yoursecrethere", "secretkeyhere", "yoursecretkeyhere",
            "mysecretkey");

    /**
     * Sample keys printed in documentation and public examples. A production deployment using one of them is
     * using a key that anyone can read. The Standard Webhooks specification's example secret is one such.
     */
    private static final Set<String> DOCUMENTATION_SAMPLES = Set.of(
            "whsec_mfkq9r8gkyqrtwjupd8ilpzio2lalasw",
            "mfkq9r8gkyqrtwjupd8ilpzio2lalasw",
            "sk_test_4ec39hqlyjwdarjtt1zdp7dc",
            "wjalrxutnfemi/k7mdeng/bpxrficyexamplekey",
            "akiaiosfodnn7example");

    /**
     * Shortest text secret accepted. 16 characters is the least that can hold 128 bits even when the text is a dense
     * encoding such as base64 (22 characters for 16 random bytes); anything shorter was typed by a person.
     */
    static final int MIN_TEXT_LENGTH = 16;

    private Placeholders() {
    }

    static void rejectWeakText(String text, String name) {
        if (text.isBlank()) {
            throw new InvalidConfigurationException(name + " is empty");
        }
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (DOCUMENTATION_SAMPLES.contains(lower)) {
            throw new InvalidConfigurationException(name + " is a sample key published in documentation");
        }
        String squashed = squash(lower);
        if (squashed.isEmpty() || WORDS.contains(squashed) || WORDS.contains(withoutSuffix(squashed))
                || isRepeated(squashed) || isXs(squashed)
                || startsAndEndsWithMarker(lower)) {
            throw new InvalidConfigurationException(name + " looks like a placeholder, not a real secret");
        }
        if (text.codePointCount(0, text.length()) < MIN_TEXT_LENGTH) {
            throw new InvalidConfigurationException(name + " is shorter than " + MIN_TEXT_LENGTH
                    + " characters; use a generated key (java -jar resguardo-core.jar keygen)");
        }
    }

    static void rejectWeakBytes(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new InvalidConfigurationException(name + " is empty");
        }
        boolean allSame = true;
        for (byte b : bytes) {
            allSame &= b == bytes[0];
        }
        if (allSame) {
            throw new InvalidConfigurationException(name + " is one byte repeated, not a real secret");
        }
    }

    private static String squash(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '-' && c != '_' && c != '.' && c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text without trailing digits and symbols: "changeme123", "secret2024", "password1!" are the word with the
     * suffix people add to get past a password rule, still no secret. A random key never reduces to a word.
     */
    private static String withoutSuffix(String s) {
        int end = s.length();
        while (end > 0 && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isRepeated(String s) {
        return s.chars().distinct().count() == 1;
    }

    /** "xxxx", "xxxx1234", "1234xxxx": a masked example copied from a screen. */
    private static boolean isXs(String s) {
        int xs = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == 'x' || s.charAt(i) == '*') {
                xs++;
            }
        }
        return xs >= 4 && xs * 2 >= s.length();
    }

    /** Template markers left in place: {@code <secret>}, {@code ${SECRET}}, {@code {{secret}}}. */
    private static boolean startsAndEndsWithMarker(String s) {
        return (s.startsWith("<") && s.endsWith(">")) || (s.startsWith("${") && s.endsWith("}"))
                || (s.startsWith("{{") && s.endsWith("}}"));
    }
}
