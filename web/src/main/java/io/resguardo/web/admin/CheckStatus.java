package io.resguardo.web.admin;

/** The verdict of one preflight check. Only {@link #FAIL} makes a deployment not ready. */
public enum CheckStatus {
    /** Fit for production. */
    PASS,
    /** Works, but an operator should look: the detail says why. */
    WARN,
    /** Not fit for production: fix before going live. */
    FAIL
}
