package io.jdatagen.simd;

import io.jdatagen.spi.ResampleKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pillow's nearest resampling by byte permutation. Each output row is cut into chunks of
 * consecutive output pixels whose source pixels lie within one vector of bytes; the cut and each
 * chunk's lane permutation depend on the columns only, so they are computed once per call. A chunk
 * is then one load of the source row from the chunk's leftmost source pixel, one permutation and
 * one store. Stores write a whole vector: the bytes past a chunk belong to later chunks or rows, which
 * are written after it, and the last ones are masked to the output's extent. Tables that shrink so
 * much that a chunk would average fewer than {@link #MIN_PIXELS} pixels take the plain pick.
 */
final class SimdNearest {
    private static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, Boundaries.FS.vectorShape());
    private static final int B = BS.length();
    /** The widest source span of a chunk, in bytes: lane indices must fit a (signed) byte. */
    private static final int SPAN = Math.min(B, 128);
    /** Fewer output pixels per chunk than this on average and the plain pick is faster. */
    private static final int MIN_PIXELS = 4;

    private SimdNearest() {
    }

    /** {@link ResampleKernel#resampleNearest}; tables it does not cut into chunks go to {@code plain}. */
    static void run(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out,
            ResampleKernel plain) {
        Chunks chunks = Chunks.of(cols, channels);
        if (chunks == null) {
            plain.resampleNearest(src, srcWidth, channels, rows, cols, out);
            return;
        }
        int[] output = chunks.output();
        int[] source = chunks.source();
        byte[] lanes = chunks.lanes();
        int rowBytes = cols.length * channels;
        int end = rows.length * rowBytes;
        int fullFrom = end - B;
        for (int y = 0; y < rows.length; y++) {
            int srcRow = rows[y] * srcWidth * channels;
            int o = y * rowBytes;
            for (int k = 0; k < chunks.count(); k++) {
                int from = srcRow + source[k];
                ByteVector window = from + B <= src.length
                        ? ByteVector.fromArray(BS, src, from)
                        : ByteVector.fromArray(BS, src, from, BS.indexInRange(from, src.length));
                ByteVector picked = ByteVector.fromArray(BS, lanes, k * B).selectFrom(window);
                int at = o + output[k];
                if (at <= fullFrom) {
                    picked.intoArray(out, at);
                } else {
                    VectorMask<Byte> inside = BS.indexInRange(at, end);
                    picked.intoArray(out, at, inside);
                }
            }
        }
    }

    /**
     * The chunks of one column table: for chunk {@code k}, the byte offset of its first output
     * pixel in an output row and of its leftmost source pixel in a source row, and {@code B} lane
     * indices into the source window ({@code lanes[k * B + i]}; lanes past the chunk's bytes read 0).
     */
    private record Chunks(int count, int[] output, int[] source, byte[] lanes) {
        /** The chunks of {@code cols}, or null when they would average fewer than {@link #MIN_PIXELS} pixels. */
        static Chunks of(int[] cols, int channels) {
            int width = cols.length;
            int perChunk = B / channels;
            int[] starts = new int[width + 1];
            int[] lows = new int[width];
            int count = 0;
            for (int x = 0; x < width; count++) {
                starts[count] = x;
                int low = cols[x];
                int high = cols[x];
                int next = x + 1;
                while (next < width && next - x < perChunk) {
                    int lo = Math.min(low, cols[next]);
                    int hi = Math.max(high, cols[next]);
                    if ((hi - lo + 1) * channels > SPAN) {
                        break;
                    }
                    low = lo;
                    high = hi;
                    next++;
                }
                lows[count] = low;
                x = next;
            }
            if ((long) count * MIN_PIXELS > width) {
                return null;
            }
            starts[count] = width;
            int[] output = new int[count];
            int[] source = new int[count];
            byte[] lanes = new byte[count * B];
            for (int k = 0; k < count; k++) {
                output[k] = starts[k] * channels;
                source[k] = lows[k] * channels;
                for (int x = starts[k], i = k * B; x < starts[k + 1]; x++) {
                    for (int c = 0; c < channels; c++) {
                        lanes[i++] = (byte) ((cols[x] - lows[k]) * channels + c);
                    }
                }
            }
            return new Chunks(count, output, source, lanes);
        }
    }
}
