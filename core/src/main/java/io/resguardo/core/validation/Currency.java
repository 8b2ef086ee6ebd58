package io.resguardo.core.validation;

/** The currencies PagoEfectivo accepts for a CIP (CONTRACT.md section 3). */
public enum Currency {
    PEN,
    USD
}
