package io.resguardo.web.pagoefectivo;

/** PagoEfectivo failures for tests outside this package (the exception's constructor is package-private). */
public final class Failures {
    private Failures() {
    }

    public static PagoEfectivoException of(PagoEfectivoException.Kind kind) {
        return new PagoEfectivoException(kind, "POST /v1/cips/search: test failure");
    }
}
