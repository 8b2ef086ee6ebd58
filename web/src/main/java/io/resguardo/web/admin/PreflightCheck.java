package io.resguardo.web.admin;

import java.util.Objects;

/**
 * One preflight check's outcome. The texts name settings, never their values.
 *
 * @param id stable identifier, e.g. {@code key-age}
 * @param status the verdict
 * @param detail what was found, one line
 * @param fix what to do about it, one line (for a pass: how to keep it that way)
 */
public record PreflightCheck(String id, CheckStatus status, String detail, String fix) {
    public PreflightCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static PreflightCheck pass(String id, String detail, String fix) {
        return new PreflightCheck(id, CheckStatus.PASS, detail, fix);
    }

    static PreflightCheck warn(String id, String detail, String fix) {
        return new PreflightCheck(id, CheckStatus.WARN, detail, fix);
    }

    static PreflightCheck fail(String id, String detail, String fix) {
        return new PreflightCheck(id, CheckStatus.FAIL, detail, fix);
    }
}
