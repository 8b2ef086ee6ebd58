/**
 * Alerts on abnormal rates (issue "Operators and auditors"): {@link io.resguardo.web.alert.AlertMonitor} is the
 * entry point, {@link io.resguardo.web.alert.AlertRules} reads the thresholds from the configuration.
 *
 * <p>How it works: every 10 seconds the monitor samples a few numbers the node already keeps (the rejection
 * counters of the metrics, the ban table, the outbox's dead count, the key's age). A <em>rate</em> rule fires when
 * a counter grew by at least its threshold within its window; a <em>level</em> rule fires when a number is at or
 * above its threshold. A rule that fired stays quiet for its window (rates) or an hour (levels), so a flood or a
 * lasting condition is one alert per window, never a line per request. Each alert is one WARNING log record
 * starting {@code ALERT}, one count in {@code resguardo_alerts_total{kind}}, an entry in the dashboard's recent
 * alerts, and, when {@code RESGUARDO_ALERT_WEBHOOK_URL} is set, one signed POST (Standard Webhooks, like the shop
 * callbacks, with {@code RESGUARDO_SHOP_WEBHOOK_SECRET}; one attempt, 10 s timeout: the log and the metric are the
 * record, the POST is a nudge).
 *
 * <p>Sampling the node's own counters keeps the request path untouched: alerting costs nothing per request. Rates
 * are per node, like the throttle; size thresholds for one node.
 */
package io.resguardo.web.alert;
