/**
 * The Resguardo WAR. {@link io.resguardo.web.Bootstrap} builds everything from the configuration at deployment:
 * filters in order, then the endpoints of CONTRACT section 3.
 */
package io.resguardo.web;
