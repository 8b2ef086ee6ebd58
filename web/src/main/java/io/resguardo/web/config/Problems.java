package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every configuration problem found in one load, each as {@code NAME: what is wrong}. The texts are written here or
 * taken from core exceptions whose messages name settings, never values.
 */
final class Problems {
    /** A message that starts with a setting name: upper case with at least one underscore. */
    private static final Pattern LEADING_SETTING =
            Pattern.compile("([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]):? (.+)", Pattern.DOTALL);

    private final List<String> problems = new ArrayList<>();

    void add(String name, String whatIsWrong) {
        problems.add(name + ": " + whatIsWrong);
    }

    /**
     * A core {@link InvalidConfigurationException} about {@code name}. Core writes {@code SETTING_NAME is …}; that
     * leading name (which may be a neighbour of {@code name}, e.g. {@code PAGOEFECTIVO_SECRET_KEY_PREVIOUS_UNTIL}
     * for a key-ring problem) is folded into the {@code NAME: …} form so that every line reads alike.
     */
    void add(String name, InvalidConfigurationException e) {
        String message = e.getMessage() == null ? "is invalid" : e.getMessage();
        Matcher leading = LEADING_SETTING.matcher(message);
        if (leading.matches()) {
            add(leading.group(1), leading.group(2));
        } else {
            add(name, message);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** Throws one exception listing every problem, when there is any. */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Resguardo configuration is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            message.append('\n').append("  ").append(problem);
        }
        throw new InvalidConfigurationException(message.toString());
    }
}
