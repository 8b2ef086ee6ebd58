package io.resguardo.core.signature;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.structuredfield.BareItem;
import io.resguardo.core.structuredfield.InnerList;
import io.resguardo.core.structuredfield.Item;
import io.resguardo.core.structuredfield.Member;
import io.resguardo.core.structuredfield.Parameter;
import io.resguardo.core.structuredfield.StructuredFieldLimits;
import io.resguardo.core.structuredfield.StructuredFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code Signature-Input} and {@code Signature} members into this package's types. */
final class SignatureHeaderParser {
    static final String SIGNATURE_INPUT = "Signature-Input";
    static final String SIGNATURE = "Signature";

    private SignatureHeaderParser() {
    }

    static Map<String, Member> dictionary(String value, StructuredFieldLimits limits, String field)
            throws ResguardoException {
        Map<String, Member> members = StructuredFields.parseDictionary(value, limits, ErrorCode.SIGNATURE_INVALID,
                field);
        if (members.isEmpty()) {
            throw invalid(field + " is empty");
        }
        return members;
    }

    static Map<String, SignatureInput> inputs(String value, StructuredFieldLimits limits) throws ResguardoException {
        Map<String, SignatureInput> out = new LinkedHashMap<>();
        for (Map.Entry<String, Member> m : dictionary(value, limits, SIGNATURE_INPUT).entrySet()) {
            out.put(m.getKey(), input(m.getKey(), m.getValue()));
        }
        return out;
    }

    static SignatureInput input(String label, Member member) throws ResguardoException {
        if (!(member instanceof InnerList list)) {
            throw invalid("Signature-Input member " + label + " is not an inner list");
        }
        List<String> components = new ArrayList<>(list.items().size());
        for (Item item : list.items()) {
            if (!(item.value() instanceof BareItem.Str name)) {
                throw invalid("Signature-Input member " + label + " lists a component that is not a string");
            }
            if (!item.parameters().isEmpty()) {
                throw invalid("component parameters (such as ;sf, ;key, ;bs, ;req, ;name) are not supported, on "
                        + Components.quoted(name.value()));
            }
            components.add(name.value());
        }
        Long created = null;
        Long expires = null;
        String nonce = null;
        String alg = null;
        String keyId = null;
        String tag = null;
        for (Parameter p : list.parameters().list()) {
            switch (p.key()) {
                case "created" -> created = integer(label, p);
                case "expires" -> expires = integer(label, p);
                case "nonce" -> nonce = string(label, p);
                case "alg" -> alg = string(label, p);
                case "keyid" -> keyId = string(label, p);
                case "tag" -> tag = string(label, p);
                default -> throw invalid("Signature-Input member " + label + " has unknown parameter " + p.key());
            }
        }
        try {
            SignatureParameters parameters =
                    new SignatureParameters(label, components, created, expires, nonce, alg, keyId, tag);
            return SignatureInput.parsed(parameters, list.parameters());
        } catch (IllegalArgumentException e) {
            throw invalid("Signature-Input member " + label + ": " + e.getMessage());
        }
    }

    static byte[] signature(String label, Member member) throws ResguardoException {
        if (member == null) {
            throw invalid("Signature has no member " + label);
        }
        if (!(member instanceof Item item) || !(item.value() instanceof BareItem.Bytes bytes)
                || !item.parameters().isEmpty()) {
            throw invalid("Signature member " + label + " is not a byte sequence");
        }
        return bytes.value();
    }

    private static Long integer(String label, Parameter p) throws ResguardoException {
        if (p.value() instanceof BareItem.Int i && i.value() >= 0) {
            return i.value();
        }
        throw invalid("Signature-Input member " + label + ": " + p.key() + " is not a non-negative integer");
    }

    private static String string(String label, Parameter p) throws ResguardoException {
        if (p.value() instanceof BareItem.Str s) {
            return s.value();
        }
        throw invalid("Signature-Input member " + label + ": " + p.key() + " is not a string");
    }

    private static ResguardoException invalid(String message) {
        return new ResguardoException(ErrorCode.SIGNATURE_INVALID, message);
    }
}
