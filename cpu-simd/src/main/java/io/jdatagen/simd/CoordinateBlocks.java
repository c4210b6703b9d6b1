package io.jdatagen.simd;

/**
 * The rule that makes the warp's float coordinates independent of the vector length: output columns
 * are taken in blocks of {@value #BLOCK}; each block's first (flipped) column gets its coordinate from
 * the row's double base, rounded to float once, and the column at lane {@code k} of the block
 * {@code fma(k, step, start)}. A vector of {@code L <= BLOCK} lanes covers part of one block and reads
 * its lane numbers from {@link #LANES} at {@link #lane}; the {@code scalar} backend runs the same
 * rule one column at a time, so both write the same bits on AVX2 and AVX-512 alike.
 */
final class CoordinateBlocks {
    /** Output columns per block: the widest x86 float vector (AVX-512) and a multiple of every narrower one. */
    static final int BLOCK = 16;
    /** Whether this CPU's vectors fit in a block (wider ones, as SVE may have, compute coordinates lane by lane). */
    static final boolean VECTORS_FIT = Boundaries.FS.length() <= BLOCK && BLOCK % Boundaries.FS.length() == 0;
    /** The lane numbers 0..BLOCK-1 as floats. */
    static final float[] LANES = new float[BLOCK];

    static {
        for (int k = 0; k < BLOCK; k++) {
            LANES[k] = k;
        }
    }

    private CoordinateBlocks() {
    }

    /** {@return the first output column of the block holding column {@code j}} */
    static int blockStart(int j) {
        return j - j % BLOCK;
    }

    /** {@return the lane of column {@code j} in its block} */
    static int lane(int j) {
        return j % BLOCK;
    }
}
