package io.resguardo.core.throttle;

import io.resguardo.core.InvalidConfigurationException;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token-bucket rate: {@code amount} tokens per {@code per}, holding at most {@code burst} tokens.
 *
 * <p>Over any interval of length {@code t} a bucket with this rate admits at most
 * {@code burst + amount * t / per} requests (rounded down), whatever the alignment of the interval: there are no
 * window edges at which twice the rate could get through.
 *
 * <p>Text form (CONTRACT.md section 7, {@code RESGUARDO_RATE_LIMIT_*}): {@code <amount>/<unit>[,burst=<n>]} with
 * unit {@code s}, {@code m} or {@code h}, for example {@code 20/s,burst=40} or {@code 7/m}. When {@code burst} is
 * left out it equals {@code amount}: a client that has been quiet may spend one unit's worth of requests at once.
 *
 * @param amount tokens added per {@code per}, 1 to 1,000,000,000
 * @param per the refill period, from 1 second to 1 day
 * @param burst bucket capacity, 1 to 1,000,000,000
 */
public record Rate(long amount, Duration per, long burst) {
    static final long MAX_AMOUNT = 1_000_000_000L;
    static final long MAX_BURST = 1_000_000_000L;
    // Declared before the defaults below, which the compact constructor checks against them.
    static final Duration MIN_PER = Duration.ofSeconds(1);
    static final Duration MAX_PER = Duration.ofDays(1);

    /** {@code RESGUARDO_RATE_LIMIT_API} default: {@code 20/s,burst=40}. */
    public static final Rate DEFAULT_API = new Rate(20, Duration.ofSeconds(1), 40);
    /** {@code RESGUARDO_RATE_LIMIT_WEBHOOK} default: {@code 50/s,burst=100}. */
    public static final Rate DEFAULT_WEBHOOK = new Rate(50, Duration.ofSeconds(1), 100);

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(\\d{1,10})\\s*/\\s*([smh])\\s*(?:,\\s*burst\\s*=\\s*(\\d{1,10})\\s*)?");

    /**
     * @throws InvalidConfigurationException when a value is out of range, or when refilling {@code burst} tokens
     *     would take longer than the bucket arithmetic can count (2<sup>62</sup> scaled units: at least 52 days,
     *     146 years for rates whose token is a whole number of nanoseconds)
     */
    public Rate {
        Objects.requireNonNull(per, "per");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new InvalidConfigurationException("rate amount must be 1.." + MAX_AMOUNT + ", was " + amount);
        }
        if (per.compareTo(MIN_PER) < 0 || per.compareTo(MAX_PER) > 0) {
            throw new InvalidConfigurationException("rate period must be 1 second to 1 day, was " + per);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new InvalidConfigurationException("rate burst must be 1.." + MAX_BURST + ", was " + burst);
        }
        Emission.of(amount, per.toNanos(), burst);
    }

    /** Parses {@code text} (see the class description) for an unnamed setting. */
    public static Rate parse(String text) {
        return parse(text, "rate");
    }

    /**
     * Parses {@code text} (see the class description).
     *
     * @param setting the configuration name the text came from, for the error message
     * @throws InvalidConfigurationException naming {@code setting} and {@code text} when the text is malformed or a
     *     value is out of range
     */
    public static Rate parse(String text, String setting) {
        Objects.requireNonNull(setting, "setting");
        if (text == null) {
            throw new InvalidConfigurationException(setting + " is missing; expected e.g. 20/s,burst=40");
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new InvalidConfigurationException(setting + " has an invalid rate '" + text
                    + "'; expected <amount>/<s|m|h>[,burst=<n>], e.g. 20/s,burst=40");
        }
        long amount = Long.parseLong(m.group(1));
        Duration per = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        long burst = m.group(3) == null ? amount : Long.parseLong(m.group(3));
        try {
            return new Rate(amount, per, burst);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(setting + " has an invalid rate '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The integer schedule a bucket of this rate runs on. */
    Emission emission() {
        return Emission.of(amount, per.toNanos(), burst);
    }

    /** The text form, e.g. {@code 20/s,burst=40}, or {@code 5/PT10S,burst=5} for a period other than s, m, h. */
    @Override
    public String toString() {
        String unit;
        if (per.equals(Duration.ofSeconds(1))) {
            unit = "s";
        } else if (per.equals(Duration.ofMinutes(1))) {
            unit = "m";
        } else if (per.equals(Duration.ofHours(1))) {
            unit = "h";
        } else {
            unit = per.toString();
        }
        return amount + "/" + unit + ",burst=" + burst;
    }
}
