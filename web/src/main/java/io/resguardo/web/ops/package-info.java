/** Operations: health, Prometheus metrics written by hand, and problem+json for every error the container raises. */
package io.resguardo.web.ops;
