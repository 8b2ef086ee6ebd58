package io.resguardo.core.cli;

import java.security.SecureRandom;
import java.util.List;

/** The command set of the core CLI. */
final class Commands {
    private Commands() {
    }

    static List<Command> all() {
        return List.of(
                new KeygenCommand(new SecureRandom()));
    }
}
