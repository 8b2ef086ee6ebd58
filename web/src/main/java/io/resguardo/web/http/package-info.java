/**
 * HTTP plumbing shared by filters and servlets: problem+json answers (CONTRACT section 6), request ids, the
 * surface a path belongs to, the resolved client, strict reading of bodies and JSON.
 */
package io.resguardo.web.http;
