package io.resguardo.core.cli;

import io.resguardo.core.webhook.WebhookSecret;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/** Prints a fresh random secret. The one command that prints key material: that is its job. */
final class KeygenCommand implements Command {
    private final SecureRandom random;

    KeygenCommand(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "print a new random secret (base64, hex or whsec_)";
    }

    @Override
    public String help() {
        return """
                usage: keygen [--format base64|hex|whsec] [--bytes N]
                Prints a new random secret from the platform's SecureRandom.
                  --format base64  (default) e.g. for RESGUARDO_API_KEYS keyid=<base64>
                  --format hex
                  --format whsec   Standard Webhooks form, for RESGUARDO_SHOP_WEBHOOK_SECRET
                  --bytes N        key length in bytes, 16..64 (24..64 for whsec; default 32)
                Store it in a secret manager or a file readable only by the service; do not paste it into chats.
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("format", "bytes");
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        String format = args.optional("format").orElse("base64");
        long length = args.optionalLong("bytes").orElse(32L);
        // Standard Webhooks secrets are 24..64 bytes; for the others 16 bytes (128 bits) is the floor we accept.
        long min = format.equals("whsec") ? WebhookSecret.MIN_BYTES : 16;
        if (length < min || length > 64) {
            throw new UsageException("--bytes must be between " + min + " and 64");
        }
        byte[] key = new byte[(int) length];
        random.nextBytes(key);
        String text = switch (format) {
            case "base64" -> Base64.getEncoder().encodeToString(key);
            case "hex" -> HexFormat.of().formatHex(key);
            case "whsec" -> "whsec_" + Base64.getEncoder().encodeToString(key);
            default -> throw new UsageException("--format must be base64, hex or whsec");
        };
        console.out().println(text);
        return MATCH;
    }
}
