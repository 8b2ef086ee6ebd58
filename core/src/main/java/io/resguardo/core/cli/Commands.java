package io.resguardo.core.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The command set of the core CLI. */
final class Commands {
    private Commands() {
    }

    static List<Command> all() {
        List<Command> all = new ArrayList<>();
        all.addAll(PeCommands.all());
        all.addAll(HttpCommands.all());
        all.addAll(WebhookCommands.all());
        all.add(new KeygenCommand(new SecureRandom()));
        all.add(new AuditVerifyCommand());
        return List.copyOf(all);
    }
}
