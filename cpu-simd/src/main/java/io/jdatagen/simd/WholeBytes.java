package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.spi.SourceImage;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float32 channels-last source whose every sample is a whole number in 0..255 (the values of a decoded
 * 8-bit image) as an 8-bit source, so that it can take the packed gathers. The warp reads the same values
 * either way, and the kernels' arithmetic on them is the same, so the output is the same bit for bit. A
 * sample is taken only when its float bits are those of its integer (so neither -0 nor NaN is).
 */
final class WholeBytes {
    private static final VectorSpecies<Float> FS = Boundaries.FS;
    private static final int L = FS.length();
    /** Bytes per chunk of {@code L} samples, or null where no byte vector has {@code L} lanes. */
    private static final VectorSpecies<Byte> BS = byteSpecies();
    /** Samples checked between looks at whether one failed, so that a fractional image is refused early. */
    private static final int BLOCK = 1024;
    private static final ThreadLocal<byte[][]> BYTES = ThreadLocal.withInitial(() -> new byte[1][0]);

    private WholeBytes() {
    }

    private static VectorSpecies<Byte> byteSpecies() {
        int bits = L * Byte.SIZE;
        return bits >= 64 && bits <= 512 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(bits)) : null;
    }

    /**
     * {@return {@code src} as an 8-bit source in this thread's scratch array (valid until the next call on this
     * thread), or null when {@code src} is 8-bit already, channels-first, or holds a sample that is not a whole
     * number in 0..255}
     */
    static SourceImage of(SourceImage src) {
        if (src.isBytes() || src.format() != DataFormat.CHANNELS_LAST || BS == null) {
            return null;
        }
        int size = src.height() * src.width() * src.channels();
        byte[][] holder = BYTES.get();
        if (holder[0].length < size) {
            holder[0] = new byte[size];
        }
        byte[] bytes = holder[0];
        return pack(src.floats(), src.offset(), size, bytes)
                ? SourceImage.ofBytes(bytes, 0, src.height(), src.width(), src.channels()) : null;
    }

    /** Writes {@code size} samples from {@code from} as bytes; false (part written) at a sample that is not one. */
    private static boolean pack(float[] floats, int from, int size, byte[] bytes) {
        int k = 0;
        while (k < size) {
            int end = Math.min(size, k + BLOCK);
            VectorMask<Integer> bad = Boundaries.IS.maskAll(false);
            for (; k + L <= end; k += L) {
                FloatVector v = FloatVector.fromArray(FS, floats, from + k);
                IntVector i = (IntVector) v.convert(VectorOperators.F2I, 0);
                IntVector back = ((FloatVector) i.convert(VectorOperators.I2F, 0)).reinterpretAsInts();
                bad = bad.or(back.compare(VectorOperators.NE, v.reinterpretAsInts()))
                        .or(i.and(~0xFF).compare(VectorOperators.NE, 0));
                ((ByteVector) i.convertShape(VectorOperators.I2B, BS, 0)).intoArray(bytes, k);
            }
            if (bad.anyTrue()) {
                return false;
            }
            for (; k < end; k++) {
                float v = floats[from + k];
                int i = (int) v;
                if (Float.floatToRawIntBits(v) != Float.floatToRawIntBits((float) i) || i < 0 || i > 255) {
                    return false;
                }
                bytes[k] = (byte) i;
            }
        }
        return true;
    }
}
