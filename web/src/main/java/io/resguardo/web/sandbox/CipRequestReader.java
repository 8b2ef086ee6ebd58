package io.resguardo.web.sandbox;

import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the body of {@code POST /v1/cips} (CONTRACT section 2) as PagoEfectivo would: every problem is reported
 * at once, each naming its field. Members not listed are ignored, as PagoEfectivo ignores them.
 */
final class CipRequestReader {
    static final Set<String> CURRENCIES = Set.of("PEN", "USD");
    static final Set<String> DOCUMENT_TYPES = Set.of("DNI", "CE", "RUC", "PAS", "LMI", "NAN");
    private static final Pattern TRANSACTION_CODE = Pattern.compile("[^\\p{Cntrl}\\s]{1,36}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern UBIGEO = Pattern.compile("[0-9]{6}");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern PHONE = Pattern.compile("[0-9]{6,15}");
    private static final Pattern CODE_COUNTRY = Pattern.compile("\\+[0-9]{1,4}");
    private static final int MAX_EMAIL = 100;

    private CipRequestReader() {
    }

    /** @throws PeRefusal {@code 400 112} or {@code 113} listing every bad field */
    static NewCip read(JsonObject body, Instant now) throws PeRefusal {
        PeFieldReader fields = new PeFieldReader(body);
        String currency = fields.requiredText("currency");
        if (currency != null && !CURRENCIES.contains(currency)) {
            fields.invalid("currency", "debe ser PEN o USD");
        }
        BigDecimal amount = amount(fields);
        String transactionCode = fields.requiredText("transactionCode");
        fields.matches("transactionCode", transactionCode, TRANSACTION_CODE,
                "debe tener de 1 a 36 caracteres, sin espacios");
        Instant dateExpiry = fields.requiredDate("dateExpiry");
        if (dateExpiry != null && !dateExpiry.isAfter(now)) {
            fields.invalid("dateExpiry", "debe ser una fecha futura");
        }
        fields.maxLength("paymentConcept", fields.requiredText("paymentConcept"), 50);
        fields.maxLength("additionalData", fields.optionalText("additionalData"), 200);
        email(fields, "adminEmail", fields.optionalText("adminEmail"));
        email(fields, "userEmail", fields.requiredText("userEmail"));
        fields.maxLength("userName", fields.optionalText("userName"), 30);
        fields.maxLength("userLastName", fields.optionalText("userLastName"), 30);
        fields.matches("userUbigeo", fields.optionalTextOrInteger("userUbigeo"), UBIGEO, "debe tener 6 dígitos");
        fields.maxLength("userCountry", fields.optionalText("userCountry"), 30);
        String documentType = fields.optionalText("userDocumentType");
        if (documentType != null && !DOCUMENT_TYPES.contains(documentType)) {
            fields.invalid("userDocumentType", "debe ser uno de " + String.join(", ", DOCUMENT_TYPES.stream()
                    .sorted().toList()));
        }
        fields.matches("userDocumentNumber", fields.optionalTextOrInteger("userDocumentNumber"), DOCUMENT_NUMBER,
                "debe tener de 1 a 20 letras o dígitos");
        fields.matches("userPhone", fields.optionalTextOrInteger("userPhone"), PHONE, "debe tener de 6 a 15 dígitos");
        fields.matches("userCodeCountry", fields.optionalText("userCodeCountry"), CODE_COUNTRY,
                "debe ser + y de 1 a 4 dígitos");
        fields.throwIfAny();
        return new NewCip(currency, amount.setScale(2, RoundingMode.UNNECESSARY), transactionCode, dateExpiry);
    }

    private static BigDecimal amount(PeFieldReader fields) {
        BigDecimal amount = fields.requiredDecimal("amount");
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            fields.invalid("amount", "debe ser mayor que cero");
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            fields.invalid("amount", "admite hasta 2 decimales");
            return null;
        }
        if (stripped.precision() - stripped.scale() > 12) {
            fields.invalid("amount", "es demasiado grande");
            return null;
        }
        return amount;
    }

    private static void email(PeFieldReader fields, String name, String text) {
        if (text != null && (text.length() > MAX_EMAIL || !EMAIL.matcher(text).matches())) {
            fields.invalid(name, "debe ser un correo electrónico de hasta " + MAX_EMAIL + " caracteres");
        }
    }
}
