package io.resguardo.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Which field, header or parameter names carry sensitive values, and how their values are masked. Names are compared
 * case-insensitively with {@code -} and {@code _} removed, so {@code PE-Signature}, {@code pe_signature} and
 * {@code peSignature} are one name.
 */
final class SensitiveKeys {
    enum Kind {
        NONE,
        SECRET,
        EMAIL,
        PHONE,
        DOCUMENT
    }

    private static final Set<String> SECRET_NAMES = Set.of(
            "secretkey", "accesskey", "apikey", "xapikey", "hashstring", "token", "signature", "password",
            "authorization", "proxyauthorization", "pesignature", "cookie", "setcookie", "privatekey", "credential",
            "credentials", "passwd", "pwd", "passphrase", "keystorepassword", "truststorepassword");
    private static final String[] SECRET_PARTS = {"secret", "token", "password", "signature", "passphrase"};
    private static final String[] EMAIL_PARTS = {"email", "mail"};
    private static final String[] PHONE_PARTS = {"phone", "mobile", "celular", "telefono"};
    private static final Set<String> DOCUMENT_NAMES = Set.of("dni", "ruc", "passport", "pasaporte", "documentnumber",
            "docnumber", "userdocumentnumber", "numerodocumento", "nrodocumento");
    private static final String[] DOCUMENT_PARTS = {"documentnumber", "passportnumber"};
    // Longer names are not keys anyone writes; skipping them keeps classification cheap on hostile input.
    private static final int MAX_KEY_LENGTH = 64;

    private SensitiveKeys() {
    }

    static Kind classify(CharSequence name) {
        if (name.length() > MAX_KEY_LENGTH) {
            return Kind.NONE;
        }
        String key = normalize(name);
        if (SECRET_NAMES.contains(key) || containsAny(key, SECRET_PARTS)) {
            return Kind.SECRET;
        }
        if (DOCUMENT_NAMES.contains(key) || containsAny(key, DOCUMENT_PARTS)) {
            return Kind.DOCUMENT;
        }
        if (containsAny(key, EMAIL_PARTS)) {
            return Kind.EMAIL;
        }
        return containsAny(key, PHONE_PARTS) ? Kind.PHONE : Kind.NONE;
    }

    private static String normalize(CharSequence name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String key, String[] parts) {
        for (String part : parts) {
            if (key.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
