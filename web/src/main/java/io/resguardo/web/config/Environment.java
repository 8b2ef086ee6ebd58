package io.resguardo.web.config;

import java.util.Locale;
import java.util.Optional;

/** {@code RESGUARDO_ENV}: how strict the configuration is and whether the built-in sandbox exists. */
public enum Environment {
    /** The default: generated demo credentials, loopback allowlists, the {@code /sandbox/*} simulator. */
    SANDBOX,
    /** Real money: every credential and allowlist required, placeholders, plain HTTP and the sandbox host refused. */
    PRODUCTION;

    /** The setting's spelling: {@code sandbox} or {@code production}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment named {@code text} (case and surrounding blanks ignored), or empty for anything else. */
    static Optional<Environment> fromSetting(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Environment environment : values()) {
            if (environment.settingValue().equals(wanted)) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }
}
