/**
 * The configuration of CONTRACT.md section 7: {@link io.resguardo.web.config.SettingSource} says where a setting
 * comes from (system property, environment, servlet init-param, JNDI; first non-blank wins) and
 * {@link io.resguardo.web.config.ResguardoConfig#load} validates the whole configuration at start-up, reporting
 * every problem at once by setting name, never by value.
 *
 * <p>Choices where the contract is silent:
 * <ul>
 *   <li>An unknown {@code RESGUARDO_ENV} is a problem, and the other settings are then checked by the production
 *       rules, so that a misspelt "production" never gets generated demo credentials.</li>
 *   <li>{@code RESGUARDO_HOME} must be absolute. {@code RESGUARDO_DB_USER}/{@code _PASSWORD} without
 *       {@code RESGUARDO_DB_URL} is a problem; with {@code RESGUARDO_DATASOURCE} they are ignored with a warning.
 *       In production a database password gets the placeholder checks of every other secret.</li>
 *   <li>Text secrets with leading or trailing blanks are refused rather than trimmed: a trimmed key would sign
 *       differently from the peer's copy, and a refused one says so at deployment.</li>
 *   <li>URLs may not carry user information (they are logged); the PagoEfectivo base URL may not carry a query and
 *       loses a trailing slash. The shop and alert URLs are shown without their query.</li>
 *   <li>{@code RESGUARDO_HSTS} must contain {@code max-age=}. Bounds: pool size 1..500, connection timeout
 *       PT0.25S..PT5M, ban after 1..1000 failures, ban window PT1S..P1D, ban duration PT1S..P30D.</li>
 *   <li>{@code RESGUARDO_API_KEYS} secrets that decode to printable text get the placeholder checks of text
 *       secrets (a base64-encoded "test-secret-key-1234" is still a placeholder).</li>
 *   <li>A client key store requires its password; a trust store may be read without one.</li>
 * </ul>
 */
package io.resguardo.web.config;
