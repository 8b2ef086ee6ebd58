package io.resguardo.web.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * A PagoEfectivo-style refusal: an HTTP status and {@code {"code","message","data":[{"code","message","field"}]}}.
 * The codes are listed in the package documentation. Carries no submitted value, so it may be logged.
 */
final class PeRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    static final String SUCCESS = "100";
    static final String BAD_CREDENTIALS = "103";
    static final String STALE_DATE_REQUEST = "104";
    static final String BAD_TOKEN = "106";
    static final String INVALID_REQUEST = "111";
    static final String MISSING_FIELD = "112";
    static final String INVALID_VALUE = "113";
    static final String DUPLICATE_TRANSACTION_CODE = "114";
    static final String UNKNOWN_CIP = "115";
    static final String WRONG_CIP_STATE = "116";
    static final String INTERNAL_ERROR = "166";
    static final String AMOUNT_OVER_MAXIMUM = "511";

    private final int status;
    private final String code;
    private final transient List<PeError> errors;

    PeRefusal(int status, String code, String message, List<PeError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** {@code 400}: {@code 113} when any value is invalid, {@code 112} when fields are only missing. */
    static PeRefusal fields(List<PeError> errors) {
        boolean onlyMissing = errors.stream().allMatch(e -> e.code().equals(MISSING_FIELD));
        return onlyMissing
                ? new PeRefusal(400, MISSING_FIELD, "Faltan campos requeridos.", errors)
                : new PeRefusal(400, INVALID_VALUE, "Hay campos con valores no válidos.", errors);
    }

    /** {@code 400 111}: the body is not a JSON object, not UTF-8, or too large. */
    static PeRefusal invalidRequest() {
        return new PeRefusal(400, INVALID_REQUEST, "La solicitud no es válida.", List.of());
    }

    static PeRefusal badToken() {
        return new PeRefusal(401, BAD_TOKEN, "El token no es válido o ha expirado.", List.of());
    }

    static PeRefusal unknownCip() {
        return new PeRefusal(404, UNKNOWN_CIP, "El CIP no existe.", List.of());
    }

    static PeRefusal wrongState(CipStatus status) {
        return new PeRefusal(400, WRONG_CIP_STATE, "El CIP está " + status.wireName() + ".", List.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    JsonObject body() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        errors.forEach(e -> data.add(e.toJson()));
        return Json.createObjectBuilder().add("code", code).add("message", getMessage()).add("data", data).build();
    }
}
