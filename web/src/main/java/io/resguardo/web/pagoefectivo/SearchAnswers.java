package io.resguardo.web.pagoefectivo;

import jakarta.json.JsonObject;

import java.util.Optional;

/** One entry of a search answer, read leniently (see the package documentation for the member names). */
final class SearchAnswers {
    static final String[] STATUS_MEMBERS = {"status", "statusName", "state", "cipStatus", "estado"};

    private SearchAnswers() {
    }

    /** The entry's state, or empty when it names no CIP. */
    static Optional<CipState> state(JsonObject entry) {
        Optional<String> cip = PeJson.text(entry, "cip");
        if (cip.isEmpty()) {
            return Optional.empty();
        }
        String raw = "";
        CipStatus status = CipStatus.UNKNOWN;
        for (String member : STATUS_MEMBERS) {
            Optional<String> text = PeJson.text(entry.get(member));
            if (text.isEmpty()) {
                continue;
            }
            if (raw.isEmpty()) {
                raw = text.get();
            }
            CipStatus mapped = CipStatus.fromText(text.get());
            if (mapped != CipStatus.UNKNOWN) {
                status = mapped;
                break;
            }
        }
        return Optional.of(new CipState(cip.get(), status, raw,
                PeJson.text(entry, "transactionCode"),
                PeJson.decimal(entry, "amount"),
                PeJson.text(entry, "currency"),
                PeJson.text(entry, "operationNumber", "numeroOperacion"),
                PeJson.text(entry, "paymentDate", "datePayment", "paidDate", "paidAt").flatMap(PeDates::parse)));
    }
}
