package io.resguardo.core.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed {@code --name value} options of one command, and its positional arguments when it takes any. Strict: an
 * option the command does not declare, a missing value or a positional argument more than the command takes is a
 * usage error (exit 2), so a typo never silently changes what is signed.
 */
final class Args {
    private final Map<String, List<String>> values;
    private final List<String> positionals;
    private final boolean help;

    private Args(Map<String, List<String>> values, List<String> positionals, boolean help) {
        this.values = values;
        this.positionals = List.copyOf(positionals);
        this.help = help;
    }

    /**
     * @param valued options that take a value (may repeat)
     * @param flags  options without a value
     * @param maxPositionals how many arguments not starting with {@code --} the command takes ({@code -} counts
     *     as one: standard input)
     */
    static Args parse(List<String> argv, Set<String> valued, Set<String> flags, int maxPositionals)
            throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.startsWith("--secret=") || arg.equals("--secret")) {
                throw new UsageException("secrets are never taken from the command line (other users can read it): "
                        + "use --secret-env NAME or --secret-file PATH");
            }
            if (!arg.startsWith("--")) {
                if (positionals.size() >= maxPositionals) {
                    throw new UsageException("unexpected argument: " + arg);
                }
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = argv.get(++i);
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Args(values, positionals, help);
    }

    /** The positional arguments, in order. */
    List<String> positionals() {
        return positionals;
    }

    boolean help() {
        return help;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    Optional<String> optional(String name) throws UsageException {
        List<String> all = values.get(name);
        if (all == null) {
            return Optional.empty();
        }
        if (all.size() > 1) {
            throw new UsageException("--" + name + " given more than once");
        }
        return Optional.of(all.get(0));
    }

    String required(String name) throws UsageException {
        return optional(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    long requiredLong(String name) throws UsageException {
        return parseLong(name, required(name));
    }

    Optional<Long> optionalLong(String name) throws UsageException {
        Optional<String> text = optional(name);
        return text.isEmpty() ? Optional.empty() : Optional.of(parseLong(name, text.get()));
    }

    private static long parseLong(String name, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer");
        }
    }
}
