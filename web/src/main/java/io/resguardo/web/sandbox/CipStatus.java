package io.resguardo.web.sandbox;

import java.util.Locale;

/** The states of a sandbox CIP; on the wire in lower case. */
enum CipStatus {
    PENDING, PAID, EXPIRED, DELETED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
