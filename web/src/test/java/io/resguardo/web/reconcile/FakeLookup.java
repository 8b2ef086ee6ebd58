package io.resguardo.web.reconcile;

import io.resguardo.web.pagoefectivo.CipState;
import io.resguardo.web.pagoefectivo.CipStatus;
import io.resguardo.web.pagoefectivo.PagoEfectivoException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** PagoEfectivo's search as a map the test fills; CIPs not in it are left out of the answer. Thread-safe. */
final class FakeLookup implements CipLookup {
    private final Map<String, CipState> states = new ConcurrentHashMap<>();
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private volatile PagoEfectivoException failure;
    private volatile Runnable duringSearch = () -> { };

    void answer(String cip, CipStatus status) {
        answer(cip, status, Optional.empty());
    }

    void paid(String cip, String operationNumber) {
        answer(cip, CipStatus.PAID, Optional.of(operationNumber));
    }

    private void answer(String cip, CipStatus status, Optional<String> operationNumber) {
        states.put(cip, new CipState(cip, status, status.name().toLowerCase(), Optional.empty(), Optional.empty(),
                Optional.empty(), operationNumber, Optional.empty()));
    }

    void failWith(PagoEfectivoException e) {
        failure = e;
    }

    /** Runs while a search is in flight: between the reconciler's question and its resolve. */
    void duringSearch(Runnable action) {
        duringSearch = action;
    }

    List<List<String>> calls() {
        return calls;
    }

    @Override
    public List<CipState> search(List<String> cips) throws PagoEfectivoException {
        calls.add(List.copyOf(cips));
        duringSearch.run();
        if (failure != null) {
            throw failure;
        }
        List<CipState> answer = new ArrayList<>();
        for (String cip : cips) {
            CipState state = states.get(cip);
            if (state != null) {
                answer.add(state);
            }
        }
        return answer;
    }
}
