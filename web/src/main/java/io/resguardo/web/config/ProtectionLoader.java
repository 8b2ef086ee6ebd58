package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.allowlist.Allowlist;
import io.resguardo.core.allowlist.Cidr;
import io.resguardo.core.throttle.Rate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.resguardo.web.config.SettingNames.*;

/** What guards the surfaces: allowlists, trusted proxies, HTTPS and HSTS, throttles, bans and request limits. */
final class ProtectionLoader {
    static final String DEFAULT_HSTS = "max-age=31536000; includeSubDomains";
    static final int DEFAULT_BAN_AFTER_FAILURES = 10;
    static final Duration DEFAULT_BAN_WINDOW = Duration.ofMinutes(1);
    static final Duration DEFAULT_BAN_DURATION = Duration.ofMinutes(15);
    static final int DEFAULT_MAX_BODY_BYTES = 65_536;
    static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\x00-\\x1f\\x7f]");

    private final SettingReader read;
    private final Problems problems;
    private final List<String> warnings;
    private final boolean production;
    private final List<String> sandboxDefaults;

    /** @param sandboxDefaults receives the names of the allowlists that took the sandbox default */
    ProtectionLoader(SettingReader read, Problems problems, List<String> warnings, boolean production,
                     List<String> sandboxDefaults) {
        this.read = read;
        this.problems = problems;
        this.warnings = warnings;
        this.production = production;
        this.sandboxDefaults = sandboxDefaults;
    }

    void load(ConfigValues values) {
        allowlists(values);
        transport(values);
        limits(values);
    }

    private void allowlists(ConfigValues values) {
        values.webhookAllowlist = allowlist(WEBHOOK_ALLOWLIST, true);
        values.apiAllowlist = allowlist(API_ALLOWLIST, true);
        values.adminAllowlist = allowlist(ADMIN_ALLOWLIST, false);
        values.trustedProxies = read.text(TRUSTED_PROXIES).map(text -> parseAllowlist(TRUSTED_PROXIES, text))
                .orElse(Allowlist.empty());
        if (values.trustedProxies.matchesEverything()) {
            warnings.add(TRUSTED_PROXIES + " trusts forwarded headers from every address: any client can claim any"
                    + " address and scheme");
        }
    }

    private Allowlist allowlist(String name, boolean requiredInProduction) {
        Optional<String> text = read.text(name);
        if (text.isEmpty()) {
            if (requiredInProduction && production) {
                problems.add(name, "is required in production (comma-separated addresses or CIDR blocks; * only as"
                        + " an explicit choice)");
                return Allowlist.empty();
            }
            if (requiredInProduction) {
                sandboxDefaults.add(name);
            }
            return Allowlist.loopback();
        }
        Allowlist allowlist = parseAllowlist(name, text.get());
        if (allowlist.matchesEverything()) {
            warnings.add(name + " admits every address");
        }
        return allowlist;
    }

    /**
     * Core's message quotes the bad entry; here the entry is found again by position so that the problem names it
     * without repeating what was configured.
     */
    private Allowlist parseAllowlist(String name, String text) {
        try {
            return Allowlist.parse(text);
        } catch (InvalidConfigurationException e) {
            String[] entries = text.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].strip();
                String where = "entry " + (i + 1) + " ";
                if (entry.isEmpty()) {
                    problems.add(name, where + "is empty (a stray comma?)");
                } else if (entry.equals("*")) {
                    problems.add(name, "* must be the only entry, meaning every address");
                } else {
                    try {
                        Cidr.parse(entry);
                    } catch (InvalidConfigurationException bad) {
                        problems.add(name, where + "is not an IP address or CIDR block with zero host bits");
                    }
                }
            }
            return Allowlist.empty();
        }
    }

    private void transport(ConfigValues values) {
        values.requireHttps = read.bool(REQUIRE_HTTPS, true);
        if (!values.requireHttps) {
            if (production) {
                problems.add(REQUIRE_HTTPS, "false is refused in production");
            } else {
                warnings.add(REQUIRE_HTTPS + " is false: plain HTTP is accepted (sandbox only)");
            }
        }
        String hsts = read.text(HSTS).orElse(DEFAULT_HSTS);
        if (CONTROL_CHARACTER.matcher(hsts).find()) {
            problems.add(HSTS, "must be one header line, without CR, LF or other control characters");
        } else if (!hsts.toLowerCase(Locale.ROOT).contains("max-age=")) {
            problems.add(HSTS, "must contain max-age=<seconds>, e.g. " + DEFAULT_HSTS);
        }
        values.hsts = hsts;
    }

    private void limits(ConfigValues values) {
        values.apiRate = rate(RATE_LIMIT_API, Rate.DEFAULT_API);
        values.webhookRate = rate(RATE_LIMIT_WEBHOOK, Rate.DEFAULT_WEBHOOK);
        values.banAfterFailures = read.integer(BAN_AFTER_FAILURES, DEFAULT_BAN_AFTER_FAILURES, 1, 1000);
        values.banWindow = read.duration(BAN_WINDOW, DEFAULT_BAN_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1));
        values.banDuration = read.duration(BAN_DURATION, DEFAULT_BAN_DURATION, Duration.ofSeconds(1),
                Duration.ofDays(30));
        values.maxBodyBytes = read.integer(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 1024, 10 * 1024 * 1024);
        values.maxClockSkew = read.duration(MAX_CLOCK_SKEW, DEFAULT_MAX_CLOCK_SKEW, Duration.ofSeconds(10),
                Duration.ofHours(1));
    }

    private Rate rate(String name, Rate defaultRate) {
        Optional<String> text = read.text(name);
        if (text.isEmpty()) {
            return defaultRate;
        }
        try {
            return Rate.parse(text.get(), name);
        } catch (InvalidConfigurationException e) {
            // Core's message quotes the text; this one says what is expected instead.
            problems.add(name, "must be <amount>/<s|m|h>[,burst=<n>] with amount and burst from 1 to 1000000000,"
                    + " e.g. " + defaultRate);
            return defaultRate;
        }
    }
}
