package io.resguardo.core.audit;

import java.util.OptionalLong;

/**
 * The result of walking an audit chain.
 *
 * @param entries how many entries were read
 * @param firstBrokenSequence the sequence of the first entry that does not fit the chain (altered, inserted, out of
 *     order, or missing: then the sequence that was expected), empty when intact
 */
public record ChainVerification(long entries, OptionalLong firstBrokenSequence) {
    public boolean intact() {
        return firstBrokenSequence.isEmpty();
    }
}
