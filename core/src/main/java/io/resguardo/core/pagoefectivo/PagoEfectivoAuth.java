package io.resguardo.core.pagoefectivo;

import io.resguardo.core.internal.Hex;
import io.resguardo.core.secret.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Objects;

/**
 * The authorization proof of PagoEfectivo's API v1 (CONTRACT.md section 2):
 * {@code hashString = lowercase hex(SHA-256(idService + "." + accessKey + "." + secretKey + "." + dateRequest))}, with
 * {@code dateRequest} in Lima time formatted {@code yyyy-MM-dd'T'HH:mm:ssXXX}.
 *
 * <p>The secret key is fed to the digest as bytes and never becomes part of a {@code String}. The returned
 * {@code hashString} is a credential for the token request: never log it.
 */
public final class PagoEfectivoAuth {
    /** PagoEfectivo expects {@code dateRequest} in Peruvian time. */
    public static final ZoneId LIMA = ZoneId.of("America/Lima");

    /** {@code yyyy-MM-dd'T'HH:mm:ssXXX}, strict (e.g. {@code 2026-11-26T10:15:30-05:00}). */
    public static final DateTimeFormatter DATE_REQUEST_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withResolverStyle(ResolverStyle.STRICT);

    private PagoEfectivoAuth() {
    }

    /** Now, from {@code clock}, in Lima time and the format of {@link #DATE_REQUEST_FORMAT}. */
    public static String dateRequest(Clock clock) {
        return DATE_REQUEST_FORMAT.format(ZonedDateTime.ofInstant(clock.instant(), LIMA));
    }

    /**
     * The {@code hashString} of an authorization request.
     *
     * @param idService   the service id PagoEfectivo assigned (positive)
     * @param accessKey   the access key (not secret, but required)
     * @param secretKey   the secret key, as UTF-8 text
     * @param dateRequest the same value sent as {@code dateRequest}, see {@link #dateRequest(Clock)}
     * @return 64 lowercase hex characters
     * @throws IllegalArgumentException when {@code idService} is not positive, {@code accessKey} is blank or
     *                                  {@code dateRequest} is not in {@link #DATE_REQUEST_FORMAT}
     */
    public static String hashString(long idService, String accessKey, Secret secretKey, String dateRequest) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(dateRequest, "dateRequest");
        if (idService <= 0) {
            throw new IllegalArgumentException("idService must be positive, was " + idService);
        }
        if (accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey is blank");
        }
        try {
            DATE_REQUEST_FORMAT.parse(dateRequest);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dateRequest is not in the form yyyy-MM-dd'T'HH:mm:ssXXX: " + dateRequest);
        }
        MessageDigest sha256 = sha256();
        sha256.update((idService + "." + accessKey + ".").getBytes(StandardCharsets.UTF_8));
        byte[] key = secretKey.revealBytes();
        try {
            sha256.update(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        sha256.update(("." + dateRequest).getBytes(StandardCharsets.UTF_8));
        return Hex.encode(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
