package io.resguardo.web.pagoefectivo;

import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagoEfectivo's refusals (HTTP 400 with code 111, 112, 113, 511 and {@code data: [{code, message, field}]}) as field
 * errors of our order JSON. PagoEfectivo's messages are never passed on: they may quote the submitted e-mail or phone.
 */
final class PeErrors {
    /** The token's service does not match: a credentials problem, not the order's. */
    static final String TOKEN_SERVICE_INVALID = "508";
    static final String MISSING_FIELD = "112";
    static final String OVER_MAXIMUM = "511";
    /** What a PagoEfectivo field we do not send, or no field at all, is reported as. */
    static final String WHOLE_ORDER = "order";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("amount", "amount"),
            Map.entry("currency", "currency"),
            Map.entry("transactioncode", "transactionCode"),
            Map.entry("paymentconcept", "paymentConcept"),
            Map.entry("dateexpiry", "expiresAt"),
            Map.entry("useremail", "customer.email"),
            Map.entry("username", "customer.firstName"),
            Map.entry("userlastname", "customer.lastName"),
            Map.entry("userdocumenttype", "customer.documentType"),
            Map.entry("userdocumentnumber", "customer.documentNumber"),
            Map.entry("userphone", "customer.phone"),
            Map.entry("usercodecountry", "customer.countryCode"));
    private static final int MAX_ERRORS = 32;

    private PeErrors() {
    }

    /** Our dotted field for a PagoEfectivo field name, {@value #WHOLE_ORDER} when we have none. */
    static String ourField(String peField) {
        if (peField == null) {
            return WHOLE_ORDER;
        }
        return FIELDS.getOrDefault(peField.strip().toLowerCase(Locale.ROOT), WHOLE_ORDER);
    }

    /** The field errors of a refusal whose top-level code is {@code code}; never empty. */
    static List<FieldError> fieldErrors(Optional<JsonObject> answer, String code) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        JsonValue data = answer.map(object -> object.get("data")).orElse(null);
        if (data != null && data.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : data.asJsonArray()) {
                if (byField.size() >= MAX_ERRORS || item.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject entry = item.asJsonObject();
                String entryCode = PeJson.code(entry).orElse(code);
                String field = ourField(PeJson.text(entry, "field").orElse(null));
                byField.putIfAbsent(field, error(field, entryCode));
            }
        }
        if (byField.isEmpty()) {
            String field = OVER_MAXIMUM.equals(code) ? "amount" : WHOLE_ORDER;
            byField.put(field, error(field, code));
        }
        return new ArrayList<>(byField.values());
    }

    private static FieldError error(String field, String code) {
        if (MISSING_FIELD.equals(code)) {
            return new FieldError(field, FieldErrorCode.REQUIRED, "PagoEfectivo requires this field");
        }
        if (OVER_MAXIMUM.equals(code)) {
            return new FieldError(field, FieldErrorCode.OUT_OF_RANGE, "over the merchant's maximum at PagoEfectivo");
        }
        return new FieldError(field, FieldErrorCode.INVALID_FORMAT, "PagoEfectivo rejected this value");
    }
}
