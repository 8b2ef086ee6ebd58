package io.resguardo.core.validation;

import java.util.Optional;

/** The rules of the {@code customer} object (CONTRACT.md section 3). */
final class CustomerRules {
    static final String PREFIX = "customer.";
    static final int MAX_NAME = 30;
    static final int MIN_PHONE = 6;
    static final int MAX_PHONE = 15;

    private CustomerRules() {
    }

    /** The customer, or {@code null} after adding its errors. */
    static Customer check(CustomerInput input, FieldErrors errors) {
        int before = errors.size();
        String email = email(input.email(), errors);
        String firstName = Texts.freeText(PREFIX + "firstName",
                Texts.optional(PREFIX + "firstName", input.firstName(), errors), MAX_NAME, errors);
        String lastName = Texts.freeText(PREFIX + "lastName",
                Texts.optional(PREFIX + "lastName", input.lastName(), errors), MAX_NAME, errors);
        Optional<IdentityDocument> document = document(input.documentType(), input.documentNumber(), errors);
        String phone = phone(input.phone(), errors);
        String countryCode = countryCode(input.countryCode(), errors);
        if (errors.size() > before) {
            return null;
        }
        return new Customer(email, Optional.ofNullable(firstName), Optional.ofNullable(lastName), document, phone,
                countryCode);
    }

    private static String email(RawValue value, FieldErrors errors) {
        String field = PREFIX + "email";
        String email = Texts.required(field, value, errors);
        if (email == null) {
            return null;
        }
        if (email.length() > Emails.MAX_LENGTH) {
            errors.add(field, FieldErrorCode.TOO_LONG, "must be at most " + Emails.MAX_LENGTH + " characters");
            return null;
        }
        if (!Emails.isValid(email)) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT, "must be an e-mail address such as name@example.com");
            return null;
        }
        return email;
    }

    private static String phone(RawValue value, FieldErrors errors) {
        String field = PREFIX + "phone";
        String phone = Texts.required(field, value, errors);
        if (phone == null) {
            return null;
        }
        if (!Texts.isDigits(phone)) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT, "must be digits only, without the country code");
        } else if (phone.length() < MIN_PHONE) {
            errors.add(field, FieldErrorCode.TOO_SHORT, "must be at least " + MIN_PHONE + " digits");
        } else if (phone.length() > MAX_PHONE) {
            errors.add(field, FieldErrorCode.TOO_LONG, "must be at most " + MAX_PHONE + " digits");
        } else {
            return phone;
        }
        return null;
    }

    private static String countryCode(RawValue value, FieldErrors errors) {
        String field = PREFIX + "countryCode";
        String code = Texts.required(field, value, errors);
        if (code == null) {
            return null;
        }
        if (code.length() < 2 || code.length() > 5 || code.charAt(0) != '+' || !Texts.isDigits(code.substring(1))) {
            errors.add(field, FieldErrorCode.INVALID_FORMAT, "must be + followed by 1 to 4 digits");
            return null;
        }
        return code;
    }

    /**
     * The document: empty when neither part is given; {@code null} after adding errors. When only one part is given,
     * the missing one is reported as MISSING_PAIR.
     */
    private static Optional<IdentityDocument> document(RawValue typeValue, RawValue numberValue, FieldErrors errors) {
        String typeField = PREFIX + "documentType";
        String numberField = PREFIX + "documentNumber";
        boolean hasType = Texts.isPresent(typeValue);
        boolean hasNumber = Texts.isPresent(numberValue);
        if (!hasType && !hasNumber) {
            return Optional.empty();
        }
        if (!hasNumber) {
            errors.add(numberField, FieldErrorCode.MISSING_PAIR, "is required when documentType is given");
            return null;
        }
        if (!hasType) {
            errors.add(typeField, FieldErrorCode.MISSING_PAIR, "is required when documentNumber is given");
            return null;
        }
        DocumentType type = documentType(Texts.required(typeField, typeValue, errors), typeField, errors);
        String number = Texts.required(numberField, numberValue, errors);
        if (type == null || number == null) {
            return null;
        }
        return Documents.check(numberField, type, number, errors) ? Optional.of(new IdentityDocument(type, number))
                : null;
    }

    private static DocumentType documentType(String text, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        errors.add(field, FieldErrorCode.NOT_ALLOWED, "must be one of DNI, CE, RUC, PAS");
        return null;
    }
}
