package io.resguardo.core.cli;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Reads secrets (never from argv) and bodies for the commands. */
final class Inputs {
    static final String SECRET_OPTIONS_HELP = """
              --secret-env NAME    read the secret from environment variable NAME
              --secret-file PATH   read the secret from a file (one trailing newline ignored)
            Secrets are never accepted on the command line: other users can read it.""";

    private Inputs() {
    }

    /** The secret as text (PagoEfectivo keys), from --secret-env or --secret-file. */
    static Secret secretText(Args args, Console console) throws UsageException {
        var env = args.optional("secret-env");
        var file = args.optional("secret-file");
        if (env.isPresent() == file.isPresent()) {
            throw new UsageException("give exactly one of --secret-env NAME or --secret-file PATH");
        }
        try {
            if (env.isPresent()) {
                Map<String, String> only = new HashMap<>();
                String value = console.environment().get(env.get());
                if (value == null) {
                    throw new UsageException("environment variable " + env.get() + " is not set");
                }
                only.put(env.get(), value);
                return Secret.fromEnvironment(env.get(), only).orElseThrow(
                        () -> new UsageException("environment variable " + env.get() + " is empty"));
            }
            return Secret.fromFile(Path.of(file.get()), file.get());
        } catch (InvalidConfigurationException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A secret given as base64 text (shop API keys), decoded. */
    static Secret secretBase64(Args args, Console console) throws UsageException {
        Secret text = secretText(args, console);
        byte[] encoded = text.revealBytes();
        try {
            return Secret.ofBytes(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            // Deliberately not e.getMessage(): decoder messages can quote the offending characters of the secret.
            throw new UsageException("the secret is not valid base64");
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The body from --body-file PATH ("-" for standard input) or --body TEXT; empty when neither is given. */
    static byte[] body(Args args, Console console) throws UsageException {
        var file = args.optional("body-file");
        var text = args.optional("body");
        if (file.isPresent() && text.isPresent()) {
            throw new UsageException("give only one of --body-file and --body");
        }
        if (text.isPresent()) {
            return text.get().getBytes(StandardCharsets.UTF_8);
        }
        if (file.isEmpty()) {
            return new byte[0];
        }
        try {
            return file.get().equals("-") ? console.in().readAllBytes() : Files.readAllBytes(Path.of(file.get()));
        } catch (IOException e) {
            throw new UsageException("cannot read body " + file.get() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static final String BODY_OPTIONS_HELP = """
              --body-file PATH     the exact body bytes ("-" reads standard input)
              --body TEXT          the body as UTF-8 text""";
}
