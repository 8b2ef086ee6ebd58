package io.resguardo.core.pagoefectivo;

import java.util.List;

/**
 * Parameters whose signature matched.
 *
 * @param coveredFields the declared fields the signature covered, in signing order; parameters not listed here were
 *                      not protected by the signature
 */
public record VerifiedParameters(List<String> coveredFields) {
    public VerifiedParameters {
        coveredFields = List.copyOf(coveredFields);
    }
}
