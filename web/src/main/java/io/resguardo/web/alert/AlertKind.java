package io.resguardo.web.alert;

import java.util.Locale;

/** What an alert is about, with its setting and default threshold. */
public enum AlertKind {
    /** Authentication failures (bad or missing signatures, digests, unknown keys, replays, timestamps). */
    SIGNATURE_FAILURES("RESGUARDO_ALERT_SIGNATURE_FAILURES", "20/PT5M",
            "authentication failures: someone is sending forged or stale requests, or a client lost its key"),
    /** Clients banned right now. */
    BANS("RESGUARDO_ALERT_BANS", "1",
            "clients banned after repeated authentication failures"),
    /** Requests from addresses outside an allowlist. */
    ALLOWLIST_REJECTIONS("RESGUARDO_ALERT_ALLOWLIST_REJECTIONS", "50/PT5M",
            "requests from addresses outside the allowlists: scanning, or a sender whose address changed"),
    /** Authentic notifications that do not fit their order (unknown CIP, amount, currency, transition). */
    INCONSISTENT_NOTIFICATIONS("RESGUARDO_ALERT_INCONSISTENT_NOTIFICATIONS", "1/PT15M",
            "signed notifications that do not fit their order: check the order and PagoEfectivo's side"),
    /** Shop events given up after 24 h of retries. */
    OUTBOX_FAILURES("RESGUARDO_ALERT_OUTBOX_DEAD", "1",
            "shop callbacks given up after 24 h of retries: the shop endpoint is down or refusing; redeliver"),
    /** Age of the current PagoEfectivo secret key, in days. */
    KEY_AGE("RESGUARDO_ALERT_KEY_AGE_DAYS", "80",
            "the PagoEfectivo secret key is old: rotate it (README, key rotation)");

    private final String setting;
    private final String defaultRule;
    private final String meaning;

    AlertKind(String setting, String defaultRule, String meaning) {
        this.setting = setting;
        this.defaultRule = defaultRule;
        this.meaning = meaning;
    }

    /** The configuration name of its threshold. */
    public String setting() {
        return setting;
    }

    String defaultRule() {
        return defaultRule;
    }

    /** What it means, for the log and the dashboard. */
    public String meaning() {
        return meaning;
    }

    /** {@code signature_failures}: the metric label and the alert's event type suffix. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
