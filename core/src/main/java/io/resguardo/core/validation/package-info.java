/**
 * Validation of the order fields of CONTRACT.md section 3.
 *
 * <p>{@link io.resguardo.core.validation.OrderValidator} turns an {@link io.resguardo.core.validation.OrderInput}
 * (filled by the web layer from parsed JSON) into a typed {@link io.resguardo.core.validation.ValidOrder}, or throws
 * a {@link io.resguardo.core.validation.ValidationException} that lists every field error at once.
 * {@link io.resguardo.core.validation.Amounts} parses and compares amounts exactly, also for notifications.
 */
package io.resguardo.core.validation;
