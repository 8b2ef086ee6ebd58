package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code RESGUARDO_API_KEYS}: {@code keyid=base64secret[,keyid=base64secret…]}. Problems point at entries by
 * position ("entry 2"), never by key id or secret, since a misplaced secret would otherwise reach the log.
 */
final class ApiKeys {
    /** Shortest shop key: 128 bits, the HMAC-SHA256 key strength the shop API promises. */
    static final int MIN_SECRET_BYTES = 16;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern STANDARD_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]+");

    private ApiKeys() {
    }

    /** The keys in the order given; empty when any entry is bad (each bad entry is a problem). */
    static Map<String, Secret> parse(String name, String text, Problems problems) {
        int before = problems.size();
        Map<String, Secret> keys = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        String[] entries = text.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            int position = i + 1;
            String entry = entries[i].strip();
            int equals = entry.indexOf('=');
            if (entry.isEmpty()) {
                problems.add(name, "entry " + position + " is empty (a stray comma?)");
                continue;
            }
            if (equals < 0) {
                problems.add(name, "entry " + position + " is not keyid=base64secret");
                continue;
            }
            String keyId = entry.substring(0, equals).strip();
            String encoded = entry.substring(equals + 1).strip();
            if (!KEY_ID.matcher(keyId).matches()) {
                problems.add(name, "entry " + position + " has a key id that is not 1 to 64 of [A-Za-z0-9._-]");
                continue;
            }
            Integer earlier = positions.putIfAbsent(keyId, position);
            if (earlier != null) {
                problems.add(name, "entries " + earlier + " and " + position + " have the same key id");
                continue;
            }
            Secret secret = secret(name, position, encoded, problems);
            if (secret != null) {
                keys.put(keyId, secret);
            }
        }
        return problems.size() == before ? Collections.unmodifiableMap(keys) : Map.of();
    }

    private static Secret secret(String name, int position, String encoded, Problems problems) {
        String where = "entry " + position + " ";
        if (!STANDARD_BASE64.matcher(encoded).matches() || encoded.length() % 4 == 1) {
            problems.add(name, where + "has a secret that is not standard base64");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            problems.add(name, where + "has a secret that is not standard base64");
            return null;
        }
        try {
            if (bytes.length < MIN_SECRET_BYTES) {
                problems.add(name, where + "has a secret of " + bytes.length + " bytes; at least "
                        + MIN_SECRET_BYTES + " random bytes are required");
                return null;
            }
            rejectEncodedPlaceholder(name, bytes);
            return Secret.ofBytes(bytes);
        } catch (InvalidConfigurationException e) {
            problems.add(name, where + "has a secret that is a placeholder or not random (" + reason(e, name) + ")");
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * A base64 key whose bytes are readable text ("test-secret-key-1234" encoded) was typed, not generated: random
     * bytes are almost never all printable. Such text gets the placeholder checks of {@link Secret#ofText}.
     */
    private static void rejectEncodedPlaceholder(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (PRINTABLE_ASCII.matcher(text).matches()) {
            Secret.ofText(text, name);
        }
    }

    private static String reason(InvalidConfigurationException e, String name) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (String prefix : new String[] {name + " ", "secret "}) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }
}
