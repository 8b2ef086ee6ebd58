/**
 * Resguardo core: framework-free security primitives for PagoEfectivo integrations. Depends on {@code java.base}
 * alone. Every exported package has one public entry point per concern. Not exported: the command-line tool
 * ({@code io.resguardo.core.cli}, run with {@code java -jar}, not linked against) and {@code io.resguardo.core.internal}
 * (plumbing shared between packages).
 */
module io.resguardo.core {
    exports io.resguardo.core;
    exports io.resguardo.core.allowlist;
    exports io.resguardo.core.audit;
    exports io.resguardo.core.digest;
    exports io.resguardo.core.pagoefectivo;
    exports io.resguardo.core.redact;
    exports io.resguardo.core.secret;
    exports io.resguardo.core.signature;
    exports io.resguardo.core.structuredfield;
    exports io.resguardo.core.throttle;
    exports io.resguardo.core.time;
    exports io.resguardo.core.validation;
    exports io.resguardo.core.webhook;
}
