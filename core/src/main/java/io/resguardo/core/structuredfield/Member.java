package io.resguardo.core.structuredfield;

/** A dictionary member or list member: an {@link Item} or an {@link InnerList}. */
public sealed interface Member permits Item, InnerList {
    /** The parameters attached to this member. */
    Parameters parameters();
}
