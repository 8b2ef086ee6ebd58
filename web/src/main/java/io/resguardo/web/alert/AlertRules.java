package io.resguardo.web.alert;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.web.config.SettingSource;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the alert thresholds, an addition to CONTRACT section 7: {@code RESGUARDO_ALERT_SIGNATURE_FAILURES},
 * {@code _ALLOWLIST_REJECTIONS}, {@code _INCONSISTENT_NOTIFICATIONS} as {@code count/ISO-duration} (window 1 minute
 * to 1 day), {@code RESGUARDO_ALERT_BANS}, {@code _OUTBOX_DEAD}, {@code _KEY_AGE_DAYS} as a plain count; {@code 0}
 * switches a rule off. Defaults are in {@link AlertKind}.
 */
public final class AlertRules {
    private static final Pattern RATE = Pattern.compile("([0-9]{1,9})/(P\\S+)");
    private static final Pattern LEVEL = Pattern.compile("[0-9]{1,9}");
    private static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    private AlertRules() {
    }

    /**
     * @throws InvalidConfigurationException naming every setting that is not a valid threshold (never its value)
     */
    public static Map<AlertKind, AlertRule> load(SettingSource settings) {
        Map<AlertKind, AlertRule> rules = new EnumMap<>(AlertKind.class);
        List<String> problems = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            String text = settings.get(kind.setting()).orElse(kind.defaultRule()).strip();
            Optional<AlertRule> rule = parse(kind, text);
            if (rule.isEmpty()) {
                problems.add(kind.setting() + ": must be " + (isRate(kind) ? "count/ISO-8601 duration between "
                        + "PT1M and P1D, e.g. " : "a count, e.g. ") + kind.defaultRule() + " (0 switches it off)");
            } else {
                rules.put(kind, rule.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(String.join("; ", problems));
        }
        return rules;
    }

    /** The defaults, for tests and tools. */
    public static Map<AlertKind, AlertRule> defaults() {
        return load(SettingSource.of(Map.of()));
    }

    static boolean isRate(AlertKind kind) {
        return kind.defaultRule().contains("/");
    }

    private static Optional<AlertRule> parse(AlertKind kind, String text) {
        if (isRate(kind)) {
            if (text.equals("0")) {
                return Optional.of(new AlertRule(kind, 0, Optional.of(MIN_WINDOW)));
            }
            Matcher m = RATE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                Duration window = Duration.parse(m.group(2));
                if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                    return Optional.empty();
                }
                return Optional.of(new AlertRule(kind, Long.parseLong(m.group(1)), Optional.of(window)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return LEVEL.matcher(text).matches()
                ? Optional.of(new AlertRule(kind, Long.parseLong(text), Optional.empty())) : Optional.empty();
    }
}
