package io.resguardo.web.pagoefectivo;

import io.resguardo.core.validation.Customer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.OffsetDateTime;
import java.util.List;

/** The request bodies of CONTRACT.md section 2, member for member. */
final class WireBodies {
    /** {@code userCountry}: every customer of a Peruvian CIP is recorded as in Peru, as PagoEfectivo expects. */
    static final String USER_COUNTRY = "PER";

    private WireBodies() {
    }

    static String authorization(String accessKey, long serviceId, String dateRequest, String hashString) {
        return Json.createObjectBuilder()
                .add("accessKey", accessKey)
                .add("idService", serviceId)
                .add("dateRequest", dateRequest)
                .add("hashString", hashString)
                .build().toString();
    }

    static String cip(CipRequest request) {
        Customer customer = request.customer();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("currency", request.currency().name())
                // A JSON number with exactly two decimals: CipRequest holds the amount at scale 2.
                .add("amount", request.amount())
                .add("transactionCode", request.transactionCode())
                .add("dateExpiry", PeDates.dateExpiry(request.expiresAt()))
                .add("paymentConcept", request.paymentConcept());
        request.additionalData().ifPresent(text -> body.add("additionalData", text));
        request.adminEmail().ifPresent(text -> body.add("adminEmail", text.strip()));
        body.add("userEmail", customer.email());
        customer.firstName().ifPresent(text -> body.add("userName", text));
        customer.lastName().ifPresent(text -> body.add("userLastName", text));
        body.add("userCountry", USER_COUNTRY);
        customer.document().ifPresent(document -> body
                .add("userDocumentType", document.type().name())
                .add("userDocumentNumber", document.number()));
        body.add("userPhone", customer.phone());
        body.add("userCodeCountry", customer.countryCode());
        return body.build().toString();
    }

    static String search(List<String> cips) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cips.forEach(array::add);
        return Json.createObjectBuilder().add("cips", array).build().toString();
    }

    static String expiry(OffsetDateTime expiresAt) {
        return Json.createObjectBuilder().add("dateExpiry", PeDates.dateExpiry(expiresAt)).build().toString();
    }
}
