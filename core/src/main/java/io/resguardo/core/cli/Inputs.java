package io.resguardo.core.cli;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.secret.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;

/** Reads secrets (never from argv) and bodies for the commands. */
final class Inputs {
    static final String SECRET_OPTIONS_HELP = """
              --secret-env NAME    read the secret from environment variable NAME
              --secret-file PATH   read the secret from a file (one trailing newline ignored)
            Secrets are never accepted on the command line: other users can read it.""";

    /** Conventional environment variable names; anything else may be a secret typed in the wrong place. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");

    private Inputs() {
    }

    /**
     * The secret's text from --secret-env or --secret-file. Unlike deployment configuration, the CLI does not refuse
     * placeholder or documentation sample values: it is a debugging tool, and reproducing a published example with
     * its published key is exactly what a developer needs. It still never prints the value.
     */
    static String secretText(Args args, Console console) throws UsageException {
        var env = args.optional("secret-env");
        var file = args.optional("secret-file");
        if (env.isPresent() == file.isPresent()) {
            throw new UsageException("give exactly one of --secret-env NAME or --secret-file PATH");
        }
        String text;
        if (env.isPresent()) {
            text = console.environment().get(env.get());
            if (text == null) {
                // "--secret-env $KEY" hands over the value instead of the name: echo only conventional names.
                throw new UsageException(ENV_NAME.matcher(env.get()).matches()
                        ? "environment variable " + env.get() + " is not set"
                        : "the variable named by --secret-env is not set (name not shown: it does not look like a "
                                + "variable name; give the name, e.g. --secret-env PE_SECRET, not the value)");
            }
        } else {
            try {
                text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                throw new UsageException("cannot read secret file " + file.get() + " (" + e.getClass().getSimpleName()
                        + ")");
            }
            text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
        if (text.isEmpty()) {
            throw new UsageException("the secret is empty");
        }
        return text;
    }

    /** The secret as the UTF-8 bytes of its text (PagoEfectivo keys). */
    static Secret secretUtf8(Args args, Console console) throws UsageException {
        try {
            return Secret.ofBytes(secretText(args, console).getBytes(StandardCharsets.UTF_8));
        } catch (InvalidConfigurationException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A secret given as base64 text (shop API keys), decoded. */
    static Secret secretBase64(Args args, Console console) throws UsageException {
        try {
            return Secret.ofBytes(Base64.getDecoder().decode(secretText(args, console).strip()));
        } catch (IllegalArgumentException e) {
            // Deliberately not e.getMessage(): decoder messages can quote the offending characters of the secret,
            // and InvalidConfigurationException's messages name no value either.
            throw new UsageException(e instanceof InvalidConfigurationException ? e.getMessage()
                    : "the secret is not valid base64");
        }
    }

    /** A clock fixed at --now UNIX_SECONDS, or the console's clock when it is not given. */
    static Clock clock(Args args, Console console) throws UsageException {
        var now = args.optionalLong("now");
        if (now.isEmpty()) {
            return console.clock();
        }
        try {
            return Clock.fixed(Instant.ofEpochSecond(now.get()), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new UsageException("--now is outside the range of an instant");
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
