package io.resguardo.sql.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to append: who did what to which subject, and non-personal facts about it.
 *
 * <p>Detail names that suggest a secret or personal data (e-mail, phone, document, secret, token, password,
 * signature...) are refused outright: the audit log keeps evidence, not personal data, and it cannot be edited
 * later to take it out. Values under the names in {@link #IDENTIFIERS} are kept as they are (a CIP must stay
 * readable); every other value goes through the core redactor when appended.
 */
public record AuditRecord(String actor, String action, String subject, Map<String, String> detail) {
    /** Detail names whose values are identifiers or codes, kept unredacted. */
    public static final Set<String> IDENTIFIERS = Set.of("cip", "transactionCode", "operationNumber", "eventType",
            "eventId", "keyId", "from", "to", "status", "code", "amount", "currency", "outcome", "reason", "source");

    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9._:-]{0,63}", Pattern.CASE_INSENSITIVE);
    private static final Set<String> FORBIDDEN_PARTS = Set.of("email", "mail", "phone", "mobile", "document", "dni",
            "ruc", "passport", "secret", "token", "password", "signature", "hash", "key", "cookie", "authorization");

    public AuditRecord {
        check("actor", actor, 80);
        check("action", action, 64);
        Objects.requireNonNull(subject, "subject");
        if (subject.length() > 64) {
            throw new IllegalArgumentException("subject longer than 64 characters");
        }
        detail = Map.copyOf(detail);
        for (String name : detail.keySet()) {
            if (!IDENTIFIERS.contains(name) && looksSensitive(name)) {
                throw new IllegalArgumentException("audit detail must not carry '" + name + "'");
            }
            Objects.requireNonNull(detail.get(name), name);
        }
    }

    /** A record with details given as name, value, name, value... in that order. */
    public static AuditRecord of(String actor, String action, String subject, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name, value pairs");
        }
        Map<String, String> detail = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                detail.put(nameValuePairs[i], nameValuePairs[i + 1]);
            }
        }
        return new AuditRecord(actor, action, subject, detail);
    }

    private static boolean looksSensitive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORBIDDEN_PARTS.stream().anyMatch(lower::contains);
    }

    private static void check(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (!TOKEN.matcher(value).matches() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be a short token: " + value.length() + " characters");
        }
    }
}
