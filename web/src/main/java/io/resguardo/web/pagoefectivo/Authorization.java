package io.resguardo.web.pagoefectivo;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.pagoefectivo.PagoEfectivoAuth;
import io.resguardo.core.secret.Secret;
import io.resguardo.web.pagoefectivo.PagoEfectivoException.Kind;

import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;

/**
 * {@code POST /v1/authorizations} (CONTRACT.md section 2): a fresh {@code dateRequest} and {@code hashString} for each
 * attempt, the answer's {@code data.token} kept as a {@link Secret} and {@code data.tokenExpires} read leniently (an
 * hour assumed when absent or unreadable).
 */
final class Authorization implements TokenCache.Authorizer {
    static final String PATH = "/v1/authorizations";
    static final String SUCCESS = "100";
    private static final int MAX_TOKEN_CHARS = 8192;

    private final Calls calls;
    private final long serviceId;
    private final Secret accessKey;
    private final Secret secretKey;
    private final Clock clock;

    Authorization(Calls calls, long serviceId, Secret accessKey, Secret secretKey, Clock clock) {
        this.calls = calls;
        this.serviceId = serviceId;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    @Override
    public Token authorize() throws PagoEfectivoException {
        Call<Token> call = new Call<>("POST " + PATH, "POST", PATH, this::body, false, true, true, this::read);
        return calls.run(call, null);
    }

    private String body() {
        String dateRequest = PagoEfectivoAuth.dateRequest(clock);
        String key = new String(accessKey.revealBytes(), StandardCharsets.UTF_8);
        return WireBodies.authorization(key, serviceId, dateRequest,
                PagoEfectivoAuth.hashString(serviceId, key, secretKey, dateRequest));
    }

    private Token read(Response response) throws PagoEfectivoException {
        Optional<JsonObject> answer = PeJson.object(response.body());
        Optional<String> code = answer.flatMap(PeJson::code);
        if (code.isPresent() && !SUCCESS.equals(code.get())) {
            throw calls.fail(Level.SEVERE, Kind.CREDENTIALS, "PagoEfectivo POST " + PATH + ": HTTP "
                    + response.status() + " code " + code.get() + ": no token; check " + Calls.CREDENTIAL_SETTINGS);
        }
        Optional<JsonObject> data = answer.flatMap(object -> PeJson.member(object, "data"));
        String token = data.flatMap(object -> PeJson.text(object, "token")).orElse("");
        if (!isHeaderSafe(token)) {
            throw calls.fail(Level.WARNING, Kind.UNAVAILABLE, "PagoEfectivo POST " + PATH + ": HTTP "
                    + response.status() + " without a usable token");
        }
        Instant now = clock.instant();
        Instant expires = data.flatMap(object -> PeJson.text(object, "tokenExpires"))
                .flatMap(PeDates::parse).map(OffsetDateTime::toInstant)
                .orElseGet(() -> {
                    calls.log().info("PagoEfectivo token without a readable tokenExpires; assuming "
                            + Token.ASSUMED_LIFETIME.toMinutes() + " minutes");
                    return now.plus(Token.ASSUMED_LIFETIME);
                });
        Secret value;
        try {
            value = Secret.ofBytes(token.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidConfigurationException e) {
            throw calls.fail(Level.WARNING, Kind.UNAVAILABLE, "PagoEfectivo POST " + PATH + ": HTTP "
                    + response.status() + " with a degenerate token");
        }
        Token issued = Token.issued(value, now, expires);
        calls.log().fine("PagoEfectivo token obtained: " + issued);
        return issued;
    }

    /** Visible ASCII only, so that the token can never split or forge a header line. */
    private static boolean isHeaderSafe(String token) {
        return !token.isEmpty() && token.length() <= MAX_TOKEN_CHARS
                && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
