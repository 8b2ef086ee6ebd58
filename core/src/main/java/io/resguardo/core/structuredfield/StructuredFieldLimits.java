package io.resguardo.core.structuredfield;

/**
 * Bounds applied while parsing, so that hostile input costs little: the field length in characters, the number of
 * dictionary members, of items in one inner list, and of parameters on one item or inner list. Keys are at most
 * {@value StructuredFields#MAX_KEY_LENGTH} characters and integers at most 15 digits whatever the limits.
 */
public record StructuredFieldLimits(int maxLength, int maxMembers, int maxInnerListItems, int maxParameters) {
    /** 8 KiB, 8 members, 32 items, 8 parameters. */
    public static final StructuredFieldLimits DEFAULT = new StructuredFieldLimits(8192, 8, 32, 8);

    public StructuredFieldLimits {
        if (maxLength < 1 || maxMembers < 1 || maxInnerListItems < 1 || maxParameters < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
