package io.resguardo.web.reconcile;

import io.resguardo.web.pagoefectivo.CipState;
import io.resguardo.web.pagoefectivo.PagoEfectivoClient;
import io.resguardo.web.pagoefectivo.PagoEfectivoException;

import java.util.List;
import java.util.Objects;

/**
 * Asks PagoEfectivo for the state of CIPs: the one PagoEfectivo call the {@link Reconciler} makes. An interface so
 * tests can answer without a network.
 *
 * <p>Implementations return one {@link CipState} per CIP they know about; a CIP missing from the answer is treated
 * as unknown (looked at again later), never as a state change.
 */
@FunctionalInterface
public interface CipLookup {
    /**
     * The states of 1 to 100 CIPs.
     *
     * @throws PagoEfectivoException when PagoEfectivo could not answer; nothing is changed then
     */
    List<CipState> search(List<String> cips) throws PagoEfectivoException;

    /** The lookup through PagoEfectivo's API ({@code POST /v1/cips/search}). */
    static CipLookup of(PagoEfectivoClient client) {
        Objects.requireNonNull(client, "client");
        return client::search;
    }
}
