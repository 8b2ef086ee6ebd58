/**
 * The servlet filters, in chain order: request id, access log, HTTPS (and client resolution), allowlist, ban,
 * throttle, body limit, content type. Each is a thin class over a core policy object: the WAR's bootstrap builds
 * them from the one configuration, and each also works alone in any {@code web.xml} through its init-params
 * (named constants with documented defaults; a bad one fails the deployment). Rejections are problem+json and
 * never throw.
 */
package io.resguardo.web.filter;
