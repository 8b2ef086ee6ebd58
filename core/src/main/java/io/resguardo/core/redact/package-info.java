/**
 * Masking of secrets and personal data before anything is logged (CONTRACT.md section 8), and escaping of control
 * characters against log injection. The entry point is {@link io.resguardo.core.redact.Redactor}.
 */
package io.resguardo.core.redact;
