package io.resguardo.web.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The sandbox's CIPs, in memory only: a restart forgets them all. Every change is atomic per CIP
 * ({@link ConcurrentHashMap#computeIfPresent}), so two concurrent payments of one CIP cannot both succeed. A
 * transaction code is taken for good by the first creation that reaches it, as PagoEfectivo never reuses one. At most
 * {@value #MAX_CIPS} CIPs are kept, so a runaway script cannot exhaust the heap.
 */
final class Cips {
    static final int MAX_CIPS = 100_000;
    private static final int FIRST = 10_000_000;
    private static final int SPAN = 90_000_000;

    private final Map<String, Cip> byNumber = new ConcurrentHashMap<>();
    private final Set<String> transactionCodes = ConcurrentHashMap.newKeySet();
    /** Creation requests per transaction code, refused repeats included: what a test counts. */
    private final Map<String, AtomicInteger> creationRequests = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** What a state change did: the CIP after it (or as it was, when refused), empty when the CIP is unknown. */
    record Change(Optional<Cip> cip, boolean applied) {
    }

    /**
     * Stores a new pending CIP with a fresh 8-digit number.
     *
     * @throws PeRefusal {@code 400 113} (entry {@code 114}) when the transaction code was used before;
     *                   {@code 500 166} when the sandbox is full
     */
    Cip create(NewCip request, Instant now) throws PeRefusal {
        if (byNumber.size() >= MAX_CIPS) {
            throw new PeRefusal(500, PeRefusal.INTERNAL_ERROR, "El sandbox no admite más CIPs.", List.of());
        }
        // Bounded like the CIPs: a new code either becomes a CIP below or was counted with one before.
        creationRequests.computeIfAbsent(request.transactionCode(), code -> new AtomicInteger()).incrementAndGet();
        if (!transactionCodes.add(request.transactionCode())) {
            throw PeRefusal.fields(List.of(new PeError(PeRefusal.DUPLICATE_TRANSACTION_CODE,
                    "El transactionCode ya fue usado en otro CIP.", "transactionCode")));
        }
        while (true) {
            String number = Integer.toString(FIRST + random.nextInt(SPAN));
            Cip cip = Cip.pending(number, request, now);
            if (byNumber.putIfAbsent(number, cip) == null) {
                return cip;
            }
        }
    }

    /** How many creation requests that passed validation named {@code transactionCode}, and the CIPs issued for it. */
    record ByTransactionCode(int creationRequests, List<Cip> cips) {
    }

    ByTransactionCode byTransactionCode(String transactionCode) {
        AtomicInteger requests = creationRequests.get(transactionCode);
        List<Cip> issued = byNumber.values().stream().filter(c -> c.transactionCode().equals(transactionCode))
                .toList();
        return new ByTransactionCode(requests == null ? 0 : requests.get(), issued);
    }

    Optional<Cip> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Applies {@code move} when {@code allowed} holds for the CIP as it is at that moment. */
    Change change(String number, Predicate<Cip> allowed, UnaryOperator<Cip> move) {
        boolean[] applied = {false};
        Cip after = byNumber.computeIfPresent(number, (key, cip) -> {
            if (!allowed.test(cip)) {
                return cip;
            }
            applied[0] = true;
            return move.apply(cip);
        });
        return new Change(Optional.ofNullable(after), applied[0]);
    }
}
