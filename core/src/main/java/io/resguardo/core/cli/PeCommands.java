package io.resguardo.core.cli;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.pagoefectivo.NotificationVerifier;
import io.resguardo.core.pagoefectivo.PagoEfectivoAuth;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.secret.VersionedKey;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code pe-hash}, {@code pe-sign}, {@code pe-verify}: the PagoEfectivo wire formats of CONTRACT.md section 2. */
final class PeCommands {
    private PeCommands() {
    }

    static List<Command> all() {
        return List.of(new Hash(), new Sign(), new Verify());
    }

    private static KeyRing ringOf(Secret key, Console console) {
        return KeyRing.of(List.of(VersionedKey.of("cli", key)), console.clock());
    }

    static final class Hash implements Command {
        @Override
        public String name() {
            return "pe-hash";
        }

        @Override
        public String summary() {
            return "compute the PagoEfectivo authorization hashString";
        }

        @Override
        public String help() {
            return """
                    usage: pe-hash --service-id N --access-key KEY (--secret-env NAME | --secret-file PATH)
                                   [--date-request yyyy-MM-ddTHH:mm:ss-05:00] [--expect HASH]
                    Prints dateRequest and hashString = hex(SHA-256(idService.accessKey.secretKey.dateRequest)).
                    dateRequest defaults to now in Lima time. With --expect, also prints match or no match.
                    """ + Inputs.SECRET_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("service-id", "access-key", "secret-env", "secret-file", "date-request", "expect");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            long serviceId = args.requiredLong("service-id");
            String accessKey = args.required("access-key");
            Secret secret = Inputs.secretUtf8(args, console);
            String date = args.optional("date-request").orElseGet(() -> PagoEfectivoAuth.dateRequest(console.clock()));
            String hash;
            try {
                hash = PagoEfectivoAuth.hashString(serviceId, accessKey, secret, date);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            console.out().println("dateRequest: " + date);
            console.out().println("hashString:  " + hash);
            var expect = args.optional("expect");
            if (expect.isEmpty()) {
                return MATCH;
            }
            boolean match = MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                    expect.get().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            console.out().println(match ? "match" : "no match");
            return match ? MATCH : MISMATCH;
        }
    }

    static final class Sign implements Command {
        @Override
        public String name() {
            return "pe-sign";
        }

        @Override
        public String summary() {
            return "compute the PE-Signature of a notification body";
        }

        @Override
        public String help() {
            return """
                    usage: pe-sign (--secret-env NAME | --secret-file PATH) (--body-file PATH | --body TEXT)
                    Prints PE-Signature = lowercase hex(HMAC-SHA256(secretKey, exact body bytes)).
                    """ + Inputs.SECRET_OPTIONS_HELP + "\n" + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("secret-env", "secret-file", "body-file", "body");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            Secret secret = Inputs.secretUtf8(args, console);
            byte[] body = Inputs.body(args, console);
            console.out().println("PE-Signature: " + NotificationVerifier.sign(ringOf(secret, console), body));
            return MATCH;
        }
    }

    static final class Verify implements Command {
        @Override
        public String name() {
            return "pe-verify";
        }

        @Override
        public String summary() {
            return "check a notification's PE-Signature against its body";
        }

        @Override
        public String help() {
            return """
                    usage: pe-verify (--secret-env NAME | --secret-file PATH) (--body-file PATH | --body TEXT)
                                     --signature HEX
                    Prints the PE-Signature computed over the exact body bytes, then match or no match (exit 0 or 1).
                    A mismatch on a body that looks right usually means the body was re-serialized (spaces, key
                    order, number format) before hashing: hash the raw bytes received.
                    """ + Inputs.SECRET_OPTIONS_HELP + "\n" + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("secret-env", "secret-file", "body-file", "body", "signature");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            String presented = args.required("signature");
            Secret secret = Inputs.secretUtf8(args, console);
            byte[] body = Inputs.body(args, console);
            KeyRing ring = ringOf(secret, console);
            console.out().println("computed PE-Signature: " + NotificationVerifier.sign(ring, body));
            try {
                NotificationVerifier.of(ring).verify(body, presented);
                console.out().println("match");
                return MATCH;
            } catch (ResguardoException e) {
                console.out().println("no match (" + e.code() + ": " + e.getMessage() + ")");
                return MISMATCH;
            }
        }
    }
}
