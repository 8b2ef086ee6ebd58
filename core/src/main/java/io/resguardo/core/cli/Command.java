package io.resguardo.core.cli;

/** One CLI command. Exit codes: 0 success or match, 1 mismatch, 2 usage error. */
interface Command {
    int MATCH = 0;
    int MISMATCH = 1;
    int USAGE = 2;

    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /** Options that take a value. */
    java.util.Set<String> options();

    /** Options without a value. */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /** How many positional arguments the command takes (none unless it says). */
    default int positionals() {
        return 0;
    }

    int run(Args args, Console console) throws UsageException;
}
