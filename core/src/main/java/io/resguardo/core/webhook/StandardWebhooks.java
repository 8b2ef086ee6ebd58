package io.resguardo.core.webhook;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.internal.Hmacs;
import io.resguardo.core.internal.ThreadMacs;
import io.resguardo.core.time.TimestampOutOfRangeException;
import io.resguardo.core.time.TimestampWindow;

import javax.crypto.Mac;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Signs and verifies Standard Webhooks messages (CONTRACT.md section 5): headers {@value #HEADER_ID},
 * {@value #HEADER_TIMESTAMP} (Unix seconds) and {@value #HEADER_SIGNATURE}, the latter a space-separated list of
 * {@code v1,<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>}.
 *
 * <p>Security guarantees:
 * <ul>
 *   <li>The first secret signs; every secret verifies (rotation). A header may carry several signatures; entries of
 *       other versions (such as {@code v1a}) are ignored, at least one {@code v1} entry must match.</li>
 *   <li>The timestamp is checked in both directions with a {@link TimestampWindow} on the injected clock, before any
 *       MAC is computed: {@link ErrorCode#TIMESTAMP_OUT_OF_RANGE}, carrying the skew.</li>
 *   <li>The MAC covers the body bytes as given; signatures are decoded strictly and compared with
 *       {@link MessageDigest#isEqual}.</li>
 *   <li>Malformed input never throws unchecked: a missing or empty header gives {@link ErrorCode#SIGNATURE_MISSING};
 *       an id that is not 1 to {@value #MAX_ID_LENGTH} visible ASCII characters, a timestamp that is not 1 to 18
 *       digits, a signature header over {@value #MAX_SIGNATURE_HEADER_LENGTH} characters, an entry without a version
 *       or a {@code v1} entry that is not canonical base64 of 32 bytes (anywhere in the header, even beside a matching
 *       entry) gives {@link ErrorCode#SIGNATURE_INVALID}, as
 *       does a header with no matching {@code v1} signature. Messages never contain a signature or secret.</li>
 * </ul>
 *
 * <p>Thread-safe. Each calling thread keeps initialized {@link Mac}s (one per secret) in a thread-local owned by this
 * instance (JDK types only), so neither signing nor verification creates a {@code Mac} or builds strings per call.
 */
public final class StandardWebhooks {
    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";
    /** Longest {@code webhook-id} accepted. */
    public static final int MAX_ID_LENGTH = 256;
    /** Longest {@code webhook-signature} header accepted (room for dozens of signatures). */
    public static final int MAX_SIGNATURE_HEADER_LENGTH = 4096;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int MAX_TIMESTAMP_DIGITS = 18;
    private static final long MAX_TIMESTAMP = 999_999_999_999_999_999L;

    private final ThreadMacs keys;
    private final TimestampWindow window;

    private StandardWebhooks(List<WebhookSecret> secrets, TimestampWindow window) {
        this.keys = new ThreadMacs(ALGORITHM, secrets.stream().map(WebhookSecret::key).toList());
        this.window = window;
    }

    /** One secret that signs and verifies, with the default tolerance ({@link TimestampWindow#DEFAULT_TOLERANCE}). */
    public static StandardWebhooks of(WebhookSecret secret, Clock clock) {
        return of(List.of(secret), TimestampWindow.withDefaultTolerance(clock));
    }

    /**
     * The first of {@code secrets} signs; all of them verify.
     *
     * @throws IllegalArgumentException when {@code secrets} is empty
     */
    public static StandardWebhooks of(List<WebhookSecret> secrets, TimestampWindow window) {
        List<WebhookSecret> copy = List.copyOf(secrets);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is required");
        }
        return new StandardWebhooks(copy, Objects.requireNonNull(window, "window"));
    }

    /**
     * The {@value #HEADER_SIGNATURE} value for a message: {@code v1,<base64>} with the first secret.
     *
     * @param msgId     1 to {@value #MAX_ID_LENGTH} visible ASCII characters, the same on every retry
     * @param timestamp Unix seconds of this attempt, 0 to 18 digits
     * @throws IllegalArgumentException on a malformed id or a timestamp out of that range
     */
    public String sign(String msgId, long timestamp, byte[] body) {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(body, "body");
        if (!isValidId(msgId)) {
            throw new IllegalArgumentException("message id must be 1 to " + MAX_ID_LENGTH
                    + " visible ASCII characters");
        }
        if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp must be 0 to " + MAX_TIMESTAMP);
        }
        byte[] mac = new byte[MAC_BYTES];
        String seconds = Long.toString(timestamp);
        computeInto(new Scratch(keys.size(), msgId, seconds), 0, msgId, seconds, body, mac);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Verifies a message from its three header values.
     *
     * @return the verified id and timestamp, and which secret matched
     * @throws ResguardoException {@link ErrorCode#SIGNATURE_MISSING}, {@link ErrorCode#SIGNATURE_INVALID} or
     *                            {@link ErrorCode#TIMESTAMP_OUT_OF_RANGE} (a
     *                            {@link io.resguardo.core.time.TimestampOutOfRangeException} with the skew)
     */
    public VerifiedWebhook verify(String id, String timestamp, String signatureHeader, byte[] body)
            throws ResguardoException {
        Objects.requireNonNull(body, "body");
        requirePresent(id, HEADER_ID);
        requirePresent(timestamp, HEADER_TIMESTAMP);
        requirePresent(signatureHeader, HEADER_SIGNATURE);
        if (!isValidId(id)) {
            throw invalid(HEADER_ID + " must be 1 to " + MAX_ID_LENGTH + " visible ASCII characters");
        }
        long seconds = parseTimestamp(timestamp);
        if (signatureHeader.length() > MAX_SIGNATURE_HEADER_LENGTH) {
            throw invalid(HEADER_SIGNATURE + " is longer than " + MAX_SIGNATURE_HEADER_LENGTH + " characters");
        }
        // checkEpochSecond clamps: 18 digits reach past Instant.MAX, which must be a range error, not unchecked.
        Duration skew = window.checkEpochSecond(seconds);
        if (seconds > Instant.MAX.getEpochSecond()) {
            // Only a tolerance of millennia lets this through the window; Instant cannot hold it either way.
            throw new TimestampOutOfRangeException(skew, window.tolerance());
        }
        int matched = matchSignatures(new Scratch(keys.size(), id, timestamp), id, timestamp, signatureHeader, body);
        return new VerifiedWebhook(id, Instant.ofEpochSecond(seconds), matched);
    }

    /**
     * As {@link #verify(String, String, String, byte[])}, reading the headers through {@code headers}, which is
     * called with the lowercase header names and must look them up case-insensitively (as
     * {@code HttpServletRequest::getHeader} does), returning {@code null} when absent.
     */
    public VerifiedWebhook verify(Function<String, String> headers, byte[] body) throws ResguardoException {
        Objects.requireNonNull(headers, "headers");
        return verify(headers.apply(HEADER_ID), headers.apply(HEADER_TIMESTAMP), headers.apply(HEADER_SIGNATURE),
                body);
    }

    /** As {@link #verify(String, String, String, byte[])}, finding the headers in {@code headers} ignoring case. */
    public VerifiedWebhook verify(Map<String, String> headers, byte[] body) throws ResguardoException {
        Objects.requireNonNull(headers, "headers");
        return verify(name -> lookup(headers, name), body);
    }

    private static String lookup(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The index of the secret that matched some {@code v1} entry. */
    private int matchSignatures(Scratch local, String id, String timestamp, String header, byte[] body)
            throws ResguardoException {
        boolean sawV1 = false;
        int matched = -1;
        int end = header.length();
        int position = 0;
        while (position < end) {
            if (header.charAt(position) == ' ') {
                position++;
                continue;
            }
            int entryEnd = header.indexOf(' ', position);
            entryEnd = entryEnd < 0 ? end : entryEnd;
            int comma = header.indexOf(',', position);
            if (comma < 0 || comma >= entryEnd || comma == position) {
                throw invalid(HEADER_SIGNATURE + " has an entry without a version prefix");
            }
            if (comma - position == 2 && header.startsWith("v1", position)) {
                sawV1 = true;
                if (!Base64Chars.decode(header, comma + 1, entryEnd, local.presented)) {
                    throw invalid(HEADER_SIGNATURE + " has a v1 entry that is not base64 of " + MAC_BYTES + " bytes");
                }
                for (int k = 0; k < keys.size() && matched < 0; k++) {
                    if (local.expected[k] == null) {
                        local.expected[k] = new byte[MAC_BYTES];
                        computeInto(local, k, id, timestamp, body, local.expected[k]);
                    }
                    if (MessageDigest.isEqual(local.expected[k], local.presented)) {
                        matched = k;
                    }
                }
            }
            // No early return on a match: a header with a malformed entry is refused wherever that entry stands.
            position = entryEnd;
        }
        if (matched >= 0) {
            return matched;
        }
        throw invalid(sawV1 ? HEADER_SIGNATURE + " matches no secret" : HEADER_SIGNATURE + " has no v1 signature");
    }

    /** MAC of {@code id.timestamp.body} with secret {@code k}; id and timestamp are known to be ASCII. */
    private void computeInto(Scratch local, int k, String id, String timestamp, byte[] body, byte[] out) {
        byte[] prefix = local.prefix;
        int length = 0;
        for (int i = 0; i < id.length(); i++) {
            prefix[length++] = (byte) id.charAt(i);
        }
        prefix[length++] = '.';
        for (int i = 0; i < timestamp.length(); i++) {
            prefix[length++] = (byte) timestamp.charAt(i);
        }
        prefix[length++] = '.';
        Mac mac = keys.mac(k);
        mac.update(prefix, 0, length);
        mac.update(body);
        Hmacs.finish(mac, out);
    }

    private static void requirePresent(String value, String header) throws ResguardoException {
        if (value == null || value.isEmpty()) {
            throw new ResguardoException(ErrorCode.SIGNATURE_MISSING, header + " header is missing");
        }
    }

    private static boolean isValidId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static long parseTimestamp(String text) throws ResguardoException {
        if (text.length() > MAX_TIMESTAMP_DIGITS) {
            throw invalid(HEADER_TIMESTAMP + " must be Unix seconds (1 to " + MAX_TIMESTAMP_DIGITS + " digits)");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(HEADER_TIMESTAMP + " must be Unix seconds (digits only)");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static ResguardoException invalid(String message) {
        return new ResguardoException(ErrorCode.SIGNATURE_INVALID, message);
    }

    /**
     * One call's buffers. Allocated per call, not cached in a thread-local: Resguardo only signs on its hot path
     * (verification is for shops and the CLI), and thread-locals holding Resguardo classes are reported as
     * class-loader leaks by servlet containers when the application stops.
     */
    private static final class Scratch {
        final byte[][] expected;
        final byte[] presented = new byte[MAC_BYTES];
        final byte[] prefix;

        Scratch(int keyCount, String id, String timestamp) {
            this.expected = new byte[keyCount][];
            this.prefix = new byte[id.length() + timestamp.length() + 2];
        }
    }
}
