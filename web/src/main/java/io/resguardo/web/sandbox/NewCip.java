package io.resguardo.web.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/** The fields of a valid CIP creation request that the sandbox keeps; {@code amount} has scale 2. */
record NewCip(String currency, BigDecimal amount, String transactionCode, Instant dateExpiry) {
}
