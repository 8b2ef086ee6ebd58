package io.resguardo.web.pagoefectivo;

import java.net.http.HttpHeaders;

/** An HTTP answer of PagoEfectivo, its body decoded as UTF-8. */
record Response(int status, String body, HttpHeaders headers) {
    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
