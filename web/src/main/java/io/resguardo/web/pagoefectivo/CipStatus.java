package io.resguardo.web.pagoefectivo;

import java.util.Locale;
import java.util.Map;

/**
 * The state of a CIP as a search reports it. Only unambiguous status texts are mapped (in English or Spanish, any
 * case); anything else, numeric status codes included, is {@link #UNKNOWN} with the raw value kept in
 * {@link CipState#rawStatus()}. Spanish "cancelado" is deliberately not mapped: PagoEfectivo's documents use it for a
 * paid CIP, everyday language for a withdrawn one.
 */
public enum CipStatus {
    /** Issued, not paid, not expired ("pending", "pendiente", "generado", "created"). */
    PENDING,
    /** Paid ("paid", "pagado", "pagada"). */
    PAID,
    /** Expired unpaid ("expired", "expirado", "expirada", "vencido", "vencida"). */
    EXPIRED,
    /** Deleted by the merchant ("deleted", "eliminado", "eliminada", "anulado", "anulada"). */
    DELETED,
    /** Anything else. */
    UNKNOWN;

    private static final Map<String, CipStatus> TEXTS = Map.ofEntries(
            Map.entry("pending", PENDING), Map.entry("pendiente", PENDING), Map.entry("generado", PENDING),
            Map.entry("generada", PENDING), Map.entry("created", PENDING),
            Map.entry("paid", PAID), Map.entry("pagado", PAID), Map.entry("pagada", PAID),
            Map.entry("expired", EXPIRED), Map.entry("expirado", EXPIRED), Map.entry("expirada", EXPIRED),
            Map.entry("vencido", EXPIRED), Map.entry("vencida", EXPIRED),
            Map.entry("deleted", DELETED), Map.entry("eliminado", DELETED), Map.entry("eliminada", DELETED),
            Map.entry("anulado", DELETED), Map.entry("anulada", DELETED));

    /** The status a text names, or {@link #UNKNOWN}. */
    static CipStatus fromText(String text) {
        return text == null ? UNKNOWN : TEXTS.getOrDefault(text.strip().toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
