package io.resguardo.core.cli;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.time.TimestampWindow;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code webhook-sign}, {@code webhook-verify}: Standard Webhooks as Resguardo sends them to shops (section 5). */
final class WebhookCommands {
    private WebhookCommands() {
    }

    static List<Command> all() {
        return List.of(new Sign(), new Verify());
    }

    private static WebhookSecret secret(Args args, Console console) throws UsageException {
        try {
            return WebhookSecret.parse(Inputs.secretText(args, console).strip());
        } catch (InvalidConfigurationException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static final class Sign implements Command {
        @Override
        public String name() {
            return "webhook-sign";
        }

        @Override
        public String summary() {
            return "sign a Standard Webhooks message (prints the three headers)";
        }

        @Override
        public String help() {
            return """
                    usage: webhook-sign (--secret-env NAME | --secret-file PATH) --id MSG_ID [--timestamp UNIX_SECONDS]
                                        (--body-file PATH | --body TEXT)
                    Prints webhook-id, webhook-timestamp and webhook-signature (v1,base64 HMAC-SHA256 of
                    id.timestamp.body). The secret is whsec_<base64>. The timestamp defaults to now.
                    """ + Inputs.SECRET_OPTIONS_HELP + "\n" + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("secret-env", "secret-file", "id", "timestamp", "body-file", "body");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            WebhookSecret secret = secret(args, console);
            String id = args.required("id");
            long timestamp = args.optionalLong("timestamp").orElseGet(() -> console.clock().instant().getEpochSecond());
            byte[] body = Inputs.body(args, console);
            String signature;
            try {
                signature = StandardWebhooks.of(secret, console.clock()).sign(id, timestamp, body);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            console.out().println("webhook-id: " + id);
            console.out().println("webhook-timestamp: " + timestamp);
            console.out().println("webhook-signature: " + signature);
            return MATCH;
        }
    }

    static final class Verify implements Command {
        @Override
        public String name() {
            return "webhook-verify";
        }

        @Override
        public String summary() {
            return "verify a Standard Webhooks message";
        }

        @Override
        public String help() {
            return """
                    usage: webhook-verify (--secret-env NAME | --secret-file PATH) --id MSG_ID --timestamp UNIX_SECONDS
                                          --signature 'v1,...' (--body-file PATH | --body TEXT)
                                          [--now UNIX_SECONDS] [--tolerance-seconds N]
                    Prints the signature computed over id.timestamp.body, then match or no match (exit 0 or 1).
                    The timestamp must lie within the tolerance (default 300 s) of --now (default: this clock).
                    """ + Inputs.SECRET_OPTIONS_HELP + "\n" + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("secret-env", "secret-file", "id", "timestamp", "signature", "body-file", "body", "now",
                    "tolerance-seconds");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            WebhookSecret secret = secret(args, console);
            String id = args.required("id");
            String timestamp = args.required("timestamp");
            String signature = args.required("signature");
            byte[] body = Inputs.body(args, console);
            Clock clock = Inputs.clock(args, console);
            long tolerance = args.optionalLong("tolerance-seconds")
                    .orElse(TimestampWindow.DEFAULT_TOLERANCE.toSeconds());
            if (tolerance <= 0) {
                throw new UsageException("--tolerance-seconds must be positive");
            }
            StandardWebhooks webhooks = StandardWebhooks.of(List.of(secret),
                    new TimestampWindow(clock, Duration.ofSeconds(tolerance)));
            try {
                console.out().println("computed webhook-signature: "
                        + webhooks.sign(id, Long.parseLong(timestamp), body));
            } catch (IllegalArgumentException e) {
                console.out().println("computed webhook-signature: (cannot sign: " + e.getMessage() + ")");
            }
            try {
                webhooks.verify(id, timestamp, signature, body);
                console.out().println("match");
                return MATCH;
            } catch (ResguardoException e) {
                console.out().println("no match (" + e.code() + ": " + e.getMessage() + ")");
                return MISMATCH;
            }
        }
    }
}
