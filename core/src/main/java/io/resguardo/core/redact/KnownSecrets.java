package io.resguardo.core.redact;

import io.resguardo.core.secret.Secret;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the exact values of known secrets in text, in every form they are likely to be written: UTF-8 text,
 * JSON-escaped and URL-encoded text, lower- and upper-case hex, standard and URL-safe base64 with and without padding.
 *
 * <p>The forms are kept as {@code char[]}, never as {@code String}, and never printed. Each form is searched with
 * Knuth-Morris-Pratt, so the work is linear in the text for every form, whatever the text.
 */
final class KnownSecrets {
    private final List<Pattern> patterns;

    private KnownSecrets(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static KnownSecrets none() {
        return new KnownSecrets(List.of());
    }

    static KnownSecrets of(Collection<Secret> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (Secret secret : secrets) {
            byte[] bytes = secret.revealBytes();
            try {
                addForms(bytes, forms);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        List<Pattern> patterns = new ArrayList<>(forms.size());
        for (String form : forms) {
            patterns.add(new Pattern(form.toCharArray()));
        }
        return new KnownSecrets(List.copyOf(patterns));
    }

    private static void addForms(byte[] bytes, Set<String> forms) {
        decodeUtf8(bytes).ifPresent(text -> {
            forms.add(text);
            forms.add(Json.escape(text));
            forms.add(URLEncoder.encode(text, StandardCharsets.UTF_8));
        });
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.remove("");
    }

    private static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    int count() {
        return patterns.size();
    }

    /** {@code text} with every occurrence of every form replaced by {@code ***} (overlapping ones merged). */
    String mask(String text) {
        boolean[] hidden = null;
        for (Pattern pattern : patterns) {
            hidden = pattern.markAll(text, hidden);
        }
        if (hidden == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(Masks.HIDDEN);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} contains any form. */
    boolean occursIn(String text) {
        for (Pattern pattern : patterns) {
            if (pattern.markAll(text, null) != null) {
                return true;
            }
        }
        return false;
    }

    /** One form with its KMP failure table. */
    private static final class Pattern {
        private final char[] chars;
        private final int[] failure;

        Pattern(char[] chars) {
            this.chars = chars;
            this.failure = new int[chars.length];
            int k = 0;
            for (int i = 1; i < chars.length; i++) {
                while (k > 0 && chars[i] != chars[k]) {
                    k = failure[k - 1];
                }
                if (chars[i] == chars[k]) {
                    k++;
                }
                failure[i] = k;
            }
        }

        /** Marks every match in {@code hidden} (allocated on the first match); returns it. */
        boolean[] markAll(String text, boolean[] hidden) {
            int k = 0;
            // Overlapping matches of a periodic form must not refill the same cells, or the work would be n * m.
            int filledTo = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                while (k > 0 && c != chars[k]) {
                    k = failure[k - 1];
                }
                if (c == chars[k]) {
                    k++;
                }
                if (k == chars.length) {
                    if (hidden == null) {
                        hidden = new boolean[text.length()];
                    }
                    Arrays.fill(hidden, Math.max(filledTo, i - chars.length + 1), i + 1, true);
                    filledTo = i + 1;
                    k = failure[k - 1];
                }
            }
            return hidden;
        }
    }
}
