package io.resguardo.web.sandbox;

import io.resguardo.core.pagoefectivo.PagoEfectivoAuth;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /v1/authorizations} and the bearer tokens it hands out (CONTRACT section 2).
 *
 * <p>Guarantees: the access key is compared as a {@link Secret} (constant time); the {@code hashString} is recomputed
 * with the current secret key and compared with {@link MessageDigest#isEqual}, as lowercase hex, so an uppercase or
 * otherwise different hash is refused; every credential failure gets the same answer ({@code 401 103}) so that the
 * caller learns nothing about which part was wrong, except a {@code dateRequest} outside ±5 minutes of the clock
 * ({@code 401 104}), which a developer needs to tell from a wrong key. Tokens are kept only as SHA-256 digests, so
 * the map lookup does not compare token text, and live {@link #TOKEN_LIFETIME}; expired ones are purged whenever a
 * new one is issued. Nothing here logs or echoes a credential.
 */
final class Authorizations {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    static final Duration DATE_REQUEST_WINDOW = Duration.ofMinutes(5);
    /** PagoEfectivo answers with a short code of the merchant's service. */
    static final String CODE_SERVICE = "SBX";
    private static final String BEARER = "bearer ";

    private final long serviceId;
    private final Secret accessKey;
    private final KeyRing secretKeys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    Authorizations(long serviceId, Secret accessKey, KeyRing secretKeys, Clock clock) {
        this.serviceId = serviceId;
        this.accessKey = accessKey;
        this.secretKeys = secretKeys;
        this.clock = clock;
    }

    /**
     * Checks the credentials of an authorization request and issues a token.
     *
     * @return the {@code data} member of the {@code 201} answer
     * @throws PeRefusal {@code 400 112/113} for missing or malformed members, {@code 401 103} for wrong
     *                   credentials, {@code 401 104} for a stale or future {@code dateRequest}
     */
    JsonObject authorize(JsonObject body) throws PeRefusal {
        PeFieldReader fields = new PeFieldReader(body);
        String presentedAccessKey = fields.requiredText("accessKey");
        Long idService = fields.requiredInteger("idService");
        Instant dateRequest = fields.requiredDate("dateRequest");
        String hashString = fields.requiredText("hashString");
        fields.throwIfAny();
        Instant now = clock.instant();
        boolean credentials = idService == serviceId
                & accessKey.matches(presentedAccessKey.getBytes(StandardCharsets.UTF_8));
        if (!credentials) {
            throw badCredentials();
        }
        if (Duration.between(dateRequest, now).abs().compareTo(DATE_REQUEST_WINDOW) > 0) {
            throw new PeRefusal(401, PeRefusal.STALE_DATE_REQUEST,
                    "La fecha de la solicitud (dateRequest) difiere en más de 5 minutos de la hora actual.",
                    List.of());
        }
        String expected = PagoEfectivoAuth.hashString(serviceId, presentedAccessKey,
                secretKeys.current().secret(), body.getString("dateRequest"));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hashString.getBytes(StandardCharsets.UTF_8))) {
            throw badCredentials();
        }
        return issue(now);
    }

    /** @throws PeRefusal {@code 401 106} unless the header carries a live token of this sandbox */
    void requireToken(String authorizationHeader) throws PeRefusal {
        if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw PeRefusal.badToken();
        }
        Instant expires = tokens.get(digest(authorizationHeader.substring(BEARER.length()).strip()));
        if (expires == null || !clock.instant().isBefore(expires)) {
            throw PeRefusal.badToken();
        }
    }

    private JsonObject issue(Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(TOKEN_LIFETIME);
        tokens.values().removeIf(end -> !now.isBefore(end));
        tokens.put(digest(token), expires);
        return Json.createObjectBuilder()
                .add("token", token)
                .add("codeService", CODE_SERVICE)
                .add("tokenStart", lima(now))
                .add("tokenExpires", lima(expires))
                .build();
    }

    static String lima(Instant instant) {
        return PagoEfectivoAuth.DATE_REQUEST_FORMAT.format(ZonedDateTime.ofInstant(instant, PagoEfectivoAuth.LIMA));
    }

    private static PeRefusal badCredentials() {
        return new PeRefusal(401, PeRefusal.BAD_CREDENTIALS, "Las credenciales no son válidas.", List.of());
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
