package io.resguardo.core.secret;

import io.resguardo.core.InvalidConfigurationException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes values that are not real secrets: empty, one repeated character or unit, runs of the alphabet or the
 * keyboard, words people type while trying things out (alone, joined, or with digits added), the setting's own
 * name, and keys printed in documentation. Matching ignores case and the separators {@code -_. }. Every check is
 * linear in the length, so a large secret file cannot stall a deployment.
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
     * Words that fake keys are made of ("test-secret-key-1234", "my-super-secret-key", "dummy-key-for-testing").
     * Text whose letters split entirely into these words is a made-up value, whatever digits are added. No single
     * letters: a random key has single letters between its digits, and they never split into words.
     */
    private static final Set<String> FAKE_KEY_WORDS = Set.of(
            "test", "tests", "testing", "secret", "secrets", "key", "keys", "example", "sample", "demo", "dummy", "fake",
            "for", "my", "your", "our", "the", "super", "change", "changeme", "changeit", "me", "here", "value",
            "password", "pass", "passwd", "api", "access", "token", "default", "placeholder", "private", "public",
            "prod", "production", "sandbox", "staging", "dev", "development", "local", "localhost", "shop", "store",
            "webhook", "webhooks", "merchant", "pago", "efectivo", "pagoefectivo", "resguardo", "service", "id",
            "hmac", "signing", "sign", "signature", "insert", "replace", "put", "todo", "fixme", "temp", "tmp", "admin",
            "user", "only", "not", "real", "do", "use", "this", "new", "old", "previous", "current", "abc", "xyz",
            "qwerty", "qwertyuiop", "asdf", "asdfghjkl", "zxcvbnm", "foo", "bar", "baz", "hello", "world", "set", "it", "is", "of", "and", "app", "web", "client",
            "server", "auth", "shared", "whsec", "none", "null", "undefined", "letmein", "mysecret", "unsafe",
            "insecure", "dont", "no", "yes", "please", "random", "string", "long", "strong", "very", "best");

    /** The longest word in {@link #FAKE_KEY_WORDS}, bounding the word-break search. */
    private static final int LONGEST_FAKE_KEY_WORD = FAKE_KEY_WORDS.stream().mapToInt(String::length).max().orElse(0);

    /** Runs that people type as "random": the alphabet, digits, keyboard rows, and the same reversed. */
    private static final List<String> SEQUENCES = List.of(
            "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789",
            "1234567890qwertyuiopasdfghjklzxcvbnm1234567890qwertyuiopasdfghjklzxcvbnm",
            "qwertyuiopasdfghjklzxcvbnm1234567890qwertyuiopasdfghjklzxcvbnm1234567890");

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
                || isRepeated(squashed) || isXs(squashed) || isPeriodic(squashed) || isSequence(squashed)
                || isMadeOfFakeKeyWords(squashed) || startsAndEndsWithMarker(lower)) {
            throw new InvalidConfigurationException(name + " looks like a placeholder, not a real secret");
        }
        if (squashed.equals(squash(name.toLowerCase(Locale.ROOT)))) {
            throw new InvalidConfigurationException(name + " holds its own name instead of a secret");
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

    /**
     * One unit repeated: "abababab", "changemechangeme", "12341234". The shortest period comes from the KMP
     * failure function, so a 64 KiB file is checked in linear time.
     */
    private static boolean isPeriodic(String s) {
        int n = s.length();
        int[] border = new int[n];
        for (int i = 1, k = 0; i < n; i++) {
            while (k > 0 && s.charAt(i) != s.charAt(k)) {
                k = border[k - 1];
            }
            if (s.charAt(i) == s.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
        int period = n - border[n - 1];
        return period * 2 <= n;
    }

    /** "0123456789abcdef", "abcdefghijklmnop", "qwertyuiop1234567", or one of them backwards. */
    private static boolean isSequence(String s) {
        String reversed = new StringBuilder(s).reverse().toString();
        for (String sequence : SEQUENCES) {
            if (sequence.contains(s) || sequence.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every run of letters splits into {@link #FAKE_KEY_WORDS} (digits and symbols between them ignored):
     * "test-secret-key-1234" is test|secret|key plus digits. Word break by dynamic programming, linear in the length
     * times the longest word.
     */
    private static boolean isMadeOfFakeKeyWords(String s) {
        boolean sawLetters = false;
        int i = 0;
        while (i < s.length()) {
            if (!isAsciiLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && isAsciiLetter(s.charAt(i))) {
                i++;
            }
            if (!splitsIntoWords(s.substring(start, i))) {
                return false;
            }
            sawLetters = true;
        }
        return sawLetters;
    }

    private static boolean splitsIntoWords(String run) {
        boolean[] reachable = new boolean[run.length() + 1];
        reachable[0] = true;
        for (int end = 1; end <= run.length(); end++) {
            for (int start = Math.max(0, end - LONGEST_FAKE_KEY_WORD); start < end && !reachable[end]; start++) {
                reachable[end] = reachable[start] && FAKE_KEY_WORDS.contains(run.substring(start, end));
            }
        }
        return reachable[run.length()];
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
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
