package io.resguardo.core.redact;

import io.resguardo.core.secret.Secret;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Masks secrets and personal data in text and JSON before they are logged (CONTRACT.md section 8).
 *
 * <p>What {@link #redact(String)} masks in free text, in this order:
 * <ol>
 *   <li>the exact values of the known secrets given to {@link #withSecrets(Collection)}, as UTF-8 text, JSON-escaped
 *       and URL-encoded text, hex (either case) and base64 (standard or URL-safe, padded or not): {@code ***};</li>
 *   <li>values after sensitive names ({@code secretKey=***}, {@code "hashString":"***"}, {@code PE-Signature: ***},
 *       {@code email=j***@example.com}, {@code documentNumber=A***5}), authentication credentials
 *       ({@code Bearer ***}), {@code whsec_***}, {@code v1,***}, byte sequences ({@code sha-256=:***:}) and URL
 *       passwords ({@code https://user:***@host});</li>
 *   <li>e-mail addresses, also with a URL-encoded {@code @}: {@code j***@example.com}, {@code j***%40example.com};</li>
 *   <li>hex of 32 characters or more, hex of 16 or more mixing digits and letters, JWT parts ({@code eyJ...}) and
 *       base64-looking runs of 20 or more ({@code ***});</li>
 *   <li>numbers of 6 digits or more (any decimal digits, not only ASCII), also grouped by spaces or hyphens, or
 *       glued to a personal label ({@code DNI-4***6}, {@code user_9***1}): {@code 9***1}.</li>
 * </ol>
 * Sensitive names, compared case-insensitively without {@code -} and {@code _}: {@code secretKey},
 * {@code accessKey}, {@code hashString}, {@code token}, {@code signature}, {@code password}, {@code authorization},
 * {@code pe-signature}, {@code cookie}, {@code apiKey} and any name containing {@code secret}, {@code token},
 * {@code password} or {@code signature} (masked {@code ***}); names containing {@code email} or {@code mail}
 * (masked as e-mails); names containing {@code phone} or {@code mobile}, and {@code documentNumber}, {@code dni},
 * {@code ruc}, {@code passport} (first and last character kept when at least 6 long, else {@code ***}).
 *
 * <p>The rules err on the side of masking: a long amount, an epoch timestamp or a random-looking identifier may be
 * masked too. ISO dates, UUIDs, ordinary words and identifiers stay readable.
 *
 * <p>Guarantees: immutable and thread-safe; every method runs in time linear in its input (hand-written scanners,
 * no regular expressions) and never throws on any input; {@link #toString()} shows no secret.
 */
public final class Redactor {
    /** The marker appended by {@link #escapeControl(String, int)} when it cuts text. */
    public static final String TRUNCATED = "...[truncated]";

    private static final Redactor STANDARD = new Redactor(KnownSecrets.none());

    private final KnownSecrets secrets;

    private Redactor(KnownSecrets secrets) {
        this.secrets = secrets;
    }

    /** A redactor with the generic rules only, no known secrets. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * A redactor that also masks the exact values of {@code secrets}, in every encoding listed above. The values are
     * copied: destroying a {@link Secret} later does not change this redactor.
     */
    public static Redactor withSecrets(Collection<Secret> secrets) {
        List<Secret> copy = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
        return new Redactor(KnownSecrets.of(copy));
    }

    /**
     * Masks free text.
     *
     * @return the text with secrets and personal data masked; {@code "null"} for {@code null}
     */
    public String redact(String text) {
        if (text == null) {
            return "null";
        }
        String result = secrets.mask(text);
        result = Credentials.redact(result);
        result = EmailAddresses.redact(result);
        result = Tokens.redact(result);
        return Digits.redact(result);
    }

    /**
     * Masks a JSON document, keeping it valid: the values of sensitive members by their kind (nested values
     * included), and every other string by the free-text rules of {@link #redact(String)}. Text that is not
     * well-formed JSON is redacted as free text instead. Numbers go through the free-text rules too, and become strings
     * when they change ({@code "cel":987654321} becomes {@code "cel":"9***1"}).
     *
     * @return the redacted document; {@code "null"} for {@code null}
     */
    public String redactJson(String json) {
        if (json == null) {
            return "null";
        }
        String result = JsonDocuments.redact(json, this::redact, secrets);
        return result != null ? result : redact(json);
    }

    /** {@link #redact(String)} then {@link #escapeControl(String, int)}: one safe log field. */
    public String redactForLog(String text, int maxChars) {
        return escapeControl(redact(text), maxChars);
    }

    /**
     * Escapes what could forge or hide log lines: CR, LF and tab as {@code \r}, {@code \n}, {@code \t}; other C0 and C1
     * controls, DEL, U+2028, U+2029, bidirectional controls, the byte order mark and unpaired surrogates as
     * {@code \}{@code uXXXX} (lower-case hex, for example {@code \}{@code u001b} for ESC). Backslashes are kept as they
     * are: no real line break can come out of this method, whatever the input.
     *
     * @return the escaped text; {@code "null"} for {@code null}
     */
    public static String escapeControl(String text) {
        return escapeControl(text, Integer.MAX_VALUE);
    }

    /**
     * As {@link #escapeControl(String)}, keeping at most {@code maxChars} characters of escaped text and then
     * appending {@link #TRUNCATED}. Escape sequences and surrogate pairs are never cut.
     *
     * @throws IllegalArgumentException when {@code maxChars} is below 16
     */
    public static String escapeControl(String text, int maxChars) {
        return LogText.escape(text, maxChars);
    }

    /** An e-mail address masked to its first character and domain: {@code j***@example.com}, or {@code ***}. */
    public static String maskEmail(String email) {
        return email == null ? "null" : Masks.email(email);
    }

    /**
     * A value masked to its first and last character ({@code 7***2}) when at least 6 code points long, else to
     * {@code ***}: for phones and document numbers.
     */
    public static String maskKeepingEnds(String value) {
        return value == null ? "null" : Masks.keepEnds(value);
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.count() + " known secret forms]";
    }
}
