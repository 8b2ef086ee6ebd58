package io.resguardo.core.redact;

/**
 * The result of one left-to-right pass: the input with some ranges replaced. Copies lazily, so a pass that finds
 * nothing returns its input without allocating. Ranges must be replaced in increasing order.
 */
final class Output {
    private final String input;
    private StringBuilder out;
    private int copied;

    Output(String input) {
        this.input = input;
    }

    /** Replaces {@code [start, end)} with {@code replacement}; returns {@code end}. */
    int replace(int start, int end, String replacement) {
        if (out == null) {
            out = new StringBuilder(input.length());
        }
        out.append(input, copied, start).append(replacement);
        copied = end;
        return end;
    }

    String result() {
        if (out == null) {
            return input;
        }
        return out.append(input, copied, input.length()).toString();
    }
}
