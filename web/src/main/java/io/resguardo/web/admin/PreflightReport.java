package io.resguardo.web.admin;

import java.util.List;

/**
 * Every preflight check, in a fixed order.
 *
 * @param checks the outcomes; unmodifiable
 */
public record PreflightReport(List<PreflightCheck> checks) {
    public PreflightReport {
        checks = List.copyOf(checks);
    }

    /** Ready for production: no check failed (warnings allowed). */
    public boolean ready() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }

    /** How many checks ended with {@code status}. */
    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** The check with that id. */
    public java.util.Optional<PreflightCheck> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
