package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import java.util.Arrays;

/**
 * The {@code grid-constant} fill (Keras 3's {@code constant}: each interpolation tap outside the image
 * reads the fill value) as the {@code nearest} fill on the source framed by one pixel of the fill value,
 * with the affine moved by that pixel: a tap one step outside reads the frame, and a coordinate further
 * out is clamped onto the frame, where its taps (weighted or not) hold the fill value too. So the CPU
 * backends' fast nearest and bilinear kernels run it, instead of the reference's per-pixel sampler (13×
 * slower on Keras's rotation, zoom and translation of 224² images). The coordinates are the frame's,
 * computed from the moved affine as for any plan; they lie within the kernels' usual distance of the
 * reference's.
 *
 * <p>The frame holds 8-bit values when the source does and the fill value is one (a whole number in
 * 0..255), else float32 values in the source's layout. It is built in a per-thread scratch array, reused
 * while the size stays the same.
 */
public final class GridConstantWarp {
    private static final ThreadLocal<Object[]> FRAMES = ThreadLocal.withInitial(() -> new Object[] {
        new byte[0], new float[0]});

    private GridConstantWarp() {
    }

    /**
     * {@return whether {@link #warp} runs {@code plan}: a grid-constant fill, an affine, nearest or bilinear
     * interpolation and no presize (presized plans come here for their second pass)}
     */
    public static boolean applies(WarpPlan plan) {
        return plan.fillMode() == FillMode.GRID_CONSTANT && !plan.isIdentityAffine()
                && plan.interpolation().order() <= 1 && !plan.hasPresize();
    }

    /**
     * Runs {@code plan} (which must {@linkplain #applies apply}) with {@code kernel}'s {@link WarpKernel#warp}
     * on the framed source, under the nearest fill.
     */
    public static void warp(WarpKernel kernel, SourceImage source, WarpPlan plan, OutputSlot output) {
        double[] m = plan.inverseAffine();
        m[2] += 1;
        m[5] += 1;
        WarpPlan framed = plan.toBuilder().inverseAffine(m).fill(FillMode.NEAREST, 0).build();
        kernel.warp(frame(source, plan.fillValue()), framed, output);
    }

    /** {@return {@code source} inside a one-pixel frame of {@code fill}} */
    static SourceImage frame(SourceImage source, double fill) {
        int h = source.height() + 2;
        int w = source.width() + 2;
        int channels = source.channels();
        float value = (float) fill;
        Object[] frames = FRAMES.get();
        if (source.isBytes() && value == (int) value && value >= 0 && value <= 255) {
            byte[] bytes = (byte[]) frames[0];
            if (bytes.length != h * w * channels) {
                bytes = new byte[h * w * channels];
                frames[0] = bytes;
            }
            Arrays.fill(bytes, (byte) (int) value);
            int row = source.width() * channels;
            for (int r = 0; r < source.height(); r++) {
                System.arraycopy(source.bytes(), source.index(r, 0, 0), bytes, ((r + 1) * w + 1) * channels, row);
            }
            return SourceImage.ofBytes(bytes, 0, h, w, channels);
        }
        float[] floats = (float[]) frames[1];
        if (floats.length != h * w * channels) {
            floats = new float[h * w * channels];
            frames[1] = floats;
        }
        Arrays.fill(floats, value);
        DataFormat layout = source.isBytes() ? DataFormat.CHANNELS_LAST : source.format();
        boolean planar = layout == DataFormat.CHANNELS_FIRST;
        int run = planar ? source.width() : source.width() * channels;
        for (int k = 0; k < (planar ? channels : 1); k++) {
            for (int r = 0; r < source.height(); r++) {
                int from = source.index(r, 0, k);
                int to = planar ? (k * h + r + 1) * w + 1 : ((r + 1) * w + 1) * channels;
                if (source.isBytes()) {
                    byte[] bytes = source.bytes();
                    for (int q = 0; q < run; q++) {
                        floats[to + q] = bytes[from + q] & 0xFF;
                    }
                } else {
                    System.arraycopy(source.floats(), from, floats, to, run);
                }
            }
        }
        int[] shape = layout.imageShape(h, w, channels);
        return SourceImage.of(Tensor.of(floats, shape), layout);
    }
}
