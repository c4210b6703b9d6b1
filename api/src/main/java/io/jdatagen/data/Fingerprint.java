package io.jdatagen.data;

import java.util.List;

/**
 * A 64-bit digest of the values that fix a sequence's batch order, for {@link Position}: values are
 * mixed in order with {@link RandomKeys#mix}, strings by their UTF-16 code units, so the same values
 * give the same digest on every machine and JDK (no {@code hashCode} of an enum or record is used).
 * A digest, not a proof: two different flows match with probability about 2<sup>-64</sup>.
 */
public final class Fingerprint {
    private long state = 0x6a09e667f3bcc908L;

    /** Starts an empty digest. */
    public Fingerprint() {
    }

    /**
     * Mixes in {@code value}.
     *
     * @param value any number that identifies part of the batch order (a count, a seed, a size)
     * @return this digest
     */
    public Fingerprint add(long value) {
        state = RandomKeys.mix(state ^ value) + 0x9E3779B97F4A7C15L;
        return this;
    }

    /**
     * Mixes in {@code value}'s length and code units, or a marker for null (distinct from "").
     *
     * @param value the string, or null
     * @return this digest
     */
    public Fingerprint add(String value) {
        if (value == null) {
            return add(-1L);
        }
        add(value.length());
        for (int i = 0; i < value.length(); i++) {
            add(value.charAt(i));
        }
        return this;
    }

    /**
     * Mixes in {@code values}' length and elements, or a marker for null (distinct from empty).
     *
     * @param values the values, or null
     * @return this digest
     */
    public Fingerprint add(int[] values) {
        if (values == null) {
            return add(-1L);
        }
        add(values.length);
        for (int v : values) {
            add(v);
        }
        return this;
    }

    /**
     * Mixes in the size and each string of {@code values}, in order.
     *
     * @param values the strings
     * @return this digest
     */
    public Fingerprint add(List<String> values) {
        add(values.size());
        for (String v : values) {
            add(v);
        }
        return this;
    }

    /** {@return the digest of everything mixed in so far} */
    public long value() {
        return RandomKeys.mix(state);
    }
}
