/**
 * Logging through {@code java.util.logging} only, every message through the core redactor and escaped (no log
 * injection), tagged with the request id; the access log and the rejection summary.
 */
package io.resguardo.web.log;
