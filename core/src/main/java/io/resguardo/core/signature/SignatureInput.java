package io.resguardo.core.signature;

import io.resguardo.core.structuredfield.BareItem;
import io.resguardo.core.structuredfield.InnerList;
import io.resguardo.core.structuredfield.Item;
import io.resguardo.core.structuredfield.Parameter;
import io.resguardo.core.structuredfield.Parameters;
import io.resguardo.core.structuredfield.StructuredFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One member of a {@code Signature-Input} field: the {@link SignatureParameters} together with their serialization,
 * which is the value of the {@code @signature-params} line of the signature base (RFC 9421 section 2.3).
 *
 * <p>The serialization is canonical RFC 8941 with the parameters in the order they were given: a parsed member
 * keeps the sender's parameter order, one made by {@link #of(SignatureParameters)} uses {@code created},
 * {@code expires}, {@code nonce}, {@code alg}, {@code keyid}, {@code tag}. Immutable.
 */
public final class SignatureInput {
    private final SignatureParameters parameters;
    private final String value;

    private SignatureInput(SignatureParameters parameters, String value) {
        this.parameters = parameters;
        this.value = value;
    }

    /** The member for parameters this side chose (for signing). */
    public static SignatureInput of(SignatureParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        List<Parameter> list = new ArrayList<>(6);
        addInt(list, "created", parameters.created());
        addInt(list, "expires", parameters.expires());
        addString(list, "nonce", parameters.nonce());
        addString(list, "alg", parameters.alg());
        addString(list, "keyid", parameters.keyId());
        addString(list, "tag", parameters.tag());
        return new SignatureInput(parameters, serialize(parameters.components(), new Parameters(list)));
    }

    /** The member as parsed; {@code params} are the inner list's parameters in their original order. */
    static SignatureInput parsed(SignatureParameters parameters, Parameters params) {
        return new SignatureInput(parameters, serialize(parameters.components(), params));
    }

    private static String serialize(List<String> components, Parameters params) {
        List<Item> items = new ArrayList<>(components.size());
        for (String c : components) {
            items.add(Item.of(new BareItem.Str(c)));
        }
        return StructuredFields.serialize(new InnerList(items, params));
    }

    private static void addInt(List<Parameter> list, String key, Long value) {
        if (value != null) {
            list.add(new Parameter(key, new BareItem.Int(value)));
        }
    }

    private static void addString(List<Parameter> list, String key, String value) {
        if (value != null) {
            list.add(new Parameter(key, new BareItem.Str(value)));
        }
    }

    public SignatureParameters parameters() {
        return parameters;
    }

    public String label() {
        return parameters.label();
    }

    /** The serialized inner list: the {@code @signature-params} value, e.g. {@code ("@method");created=1}. */
    public String signatureParamsValue() {
        return value;
    }

    /** The {@code Signature-Input} member: {@code label=} followed by {@link #signatureParamsValue()}. */
    public String toHeaderMember() {
        return parameters.label() + "=" + value;
    }

    @Override
    public String toString() {
        return toHeaderMember();
    }
}
