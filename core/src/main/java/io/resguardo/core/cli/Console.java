package io.resguardo.core.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** Everything a command touches outside itself, injected so tests run commands in-process. */
record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> environment, Clock clock) {

    static Console system() {
        return new Console(System.out, System.err, System.in, System.getenv(), Clock.systemUTC());
    }
}
