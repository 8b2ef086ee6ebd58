package io.resguardo.core.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar resguardo-core.jar <command> [options]}: tools for merchants debugging a PagoEfectivo
 * integration. Every command prints what it computed so it can be diffed against the merchant's own code; none
 * prints a secret. Exit codes: 0 success or match, 1 mismatch, 2 usage error.
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    static Main standard() {
        return new Main(Commands.all());
    }

    public static void main(String[] argv) {
        System.exit(standard().run(Arrays.asList(argv), Console.system()));
    }

    int run(List<String> argv, Console console) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")
                || argv.get(0).equals("help")) {
            if (argv.isEmpty()) {
                console.err().print(overview());
                return Command.USAGE;
            }
            console.out().print(overview());
            return Command.MATCH;
        }
        Command command = commands.get(argv.get(0));
        if (command == null) {
            console.err().println("unknown command: " + argv.get(0));
            console.err().print(overview());
            return Command.USAGE;
        }
        try {
            List<String> rest = argv.subList(1, argv.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                console.out().print(command.help());
                return Command.MATCH;
            }
            return command.run(Args.parse(rest, command.options(), command.flags(), command.positionals()), console);
        } catch (UsageException e) {
            console.err().println("resguardo " + command.name() + ": " + e.getMessage());
            console.err().println("try: resguardo " + command.name() + " --help");
            return Command.USAGE;
        }
    }

    String overview() {
        StringBuilder out = new StringBuilder("usage: java -jar resguardo-core.jar <command> [options]\n\ncommands:\n");
        for (Command c : commands.values()) {
            out.append(String.format("  %-16s %s%n", c.name(), c.summary()));
        }
        out.append("\nRun a command with --help for its options. Exit codes: 0 match/success, 1 mismatch, 2 usage.\n");
        return out.toString();
    }
}
