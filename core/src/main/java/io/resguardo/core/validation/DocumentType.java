package io.resguardo.core.validation;

/** Identity document types of a customer (CONTRACT.md section 3), named as on the wire. */
public enum DocumentType {
    /** Documento Nacional de Identidad: 8 digits. */
    DNI,
    /** Carné de Extranjería: 9 to 12 ASCII letters or digits. */
    CE,
    /** Registro Único de Contribuyentes: 11 digits with a check digit. */
    RUC,
    /** Passport: 5 to 20 ASCII letters or digits. */
    PAS
}
