package io.resguardo.core.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process, exactly as {@link Main#main} would, capturing what it prints. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Map<String, String> env, String stdin, Instant now, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
                Clock.fixed(now, ZoneOffset.UTC));
        int exit = Main.standard().run(List.of(argv), console);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(Map<String, String> env, String... argv) {
        return run(env, "", Instant.parse("2026-11-26T15:15:30Z"), argv);
    }

    String all() {
        return out + err;
    }
}
