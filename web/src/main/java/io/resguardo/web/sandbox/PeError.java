package io.resguardo.web.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One entry of the {@code data} list of a refused request, as PagoEfectivo writes it. The message never repeats the
 * submitted value.
 */
record PeError(String code, String message, String field) {
    static PeError missing(String field) {
        return new PeError(PeRefusal.MISSING_FIELD, "El campo " + field + " es requerido.", field);
    }

    static PeError invalid(String field, String why) {
        return new PeError(PeRefusal.INVALID_VALUE, "El campo " + field + " no es válido: " + why + ".", field);
    }

    JsonObject toJson() {
        return Json.createObjectBuilder().add("code", code).add("message", message).add("field", field).build();
    }
}
