package io.jdatagen.spi.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import org.junit.jupiter.api.Test;

class ReferenceBackendTest {
    private final ReferenceBackend backend = new ReferenceBackend();

    /** Shifts a 1×5 row [0..4] by {@code dx} columns (source = output + dx) and returns the row. */
    private float[] shiftRow(double dx, FillMode mode, WrapConvention wrap, Interpolation interpolation) {
        Tensor row = Tensor.of(new float[] {0, 1, 2, 3, 4}, 1, 5, 1);
        Tensor out = Tensor.zeros(1, 5, 1);
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {1, 0, 0, 0, 1, dx})
                .fill(mode, -1).wrapConvention(wrap).interpolation(interpolation).build();
        backend.warp(SourceImage.of(row, DataFormat.CHANNELS_LAST), plan, OutputSlot.image(out, DataFormat.CHANNELS_LAST));
        return out.data();
    }

    @Test
    void boundaryRulesFollowScipy() {
        assertArrayEquals(new float[] {2, 3, 4, -1, -1}, shiftRow(2, FillMode.CONSTANT, WrapConvention.SCIPY,
                Interpolation.NEAREST));
        assertArrayEquals(new float[] {2, 3, 4, 4, 4}, shiftRow(2, FillMode.NEAREST, WrapConvention.SCIPY,
                Interpolation.NEAREST));
        assertArrayEquals(new float[] {2, 3, 4, 4, 3}, shiftRow(2, FillMode.REFLECT, WrapConvention.SCIPY,
                Interpolation.NEAREST));
        // scipy's wrap has period n-1 = 4: the last sample coincides with the first (KERAS-SPEC §1.4).
        assertArrayEquals(new float[] {2, 3, 4, 1, 2}, shiftRow(1.7, FillMode.WRAP, WrapConvention.SCIPY,
                Interpolation.NEAREST));
        assertArrayEquals(new float[] {2, 3, 4, 0, 1}, shiftRow(2, FillMode.WRAP, WrapConvention.PERIODIC,
                Interpolation.NEAREST));
    }

    @Test
    void constantModeIsAHardCutWithoutBlending() {
        float[] row = shiftRow(0.5, FillMode.CONSTANT, WrapConvention.SCIPY, Interpolation.BILINEAR);
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, -1}, row);
        assertArrayEquals(new float[] {-1, 0.5f, 1.5f, 2.5f, 3.5f},
                shiftRow(-0.5, FillMode.CONSTANT, WrapConvention.SCIPY, Interpolation.BILINEAR));
    }

    @Test
    void orderZeroRoundsHalfUp() {
        assertArrayEquals(new float[] {1, 2, 3, 4, 4}, shiftRow(0.5, FillMode.NEAREST, WrapConvention.SCIPY,
                Interpolation.NEAREST));
    }

    @Test
    void periodicWrapBlendsAcrossTheSeam() {
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 2f},
                shiftRow(0.5, FillMode.WRAP, WrapConvention.PERIODIC, Interpolation.BILINEAR));
    }

    @Test
    void identityPlanCopiesWithFlipsColorAndLayoutChange() {
        Tensor hwc = Tensor.of(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 2, 2, 2);
        Tensor batch = Tensor.zeros(2, 2, 2, 2);
        WarpPlan plan = WarpPlan.builder().flips(false, true).color(new float[] {2, 1}, new float[] {0, -10}).build();
        backend.warp(SourceImage.of(hwc, DataFormat.CHANNELS_LAST), plan, OutputSlot.of(batch, 1, DataFormat.CHANNELS_FIRST));
        // slot 1, CHW: channel 0 = 2*[[2,1],[4,3]], channel 1 = [[20,10],[40,30]] - 10
        assertArrayEquals(new float[] {4, 2, 8, 6, 10, 0, 30, 20}, batch.item(1).data());
        assertArrayEquals(new float[8], batch.item(0).data());
    }

    @Test
    void byteSourcesReadUnsigned() {
        byte[] pixels = {(byte) 200, 7, (byte) 255, 0};
        Tensor out = Tensor.zeros(2, 2, 1);
        backend.warp(SourceImage.ofBytes(pixels, 0, 2, 2, 1), WarpPlan.builder().build(),
                OutputSlot.image(out, DataFormat.CHANNELS_LAST));
        assertArrayEquals(new float[] {200, 7, 255, 0}, out.data());
    }

    @Test
    void incompatiblePlansAreRejected() {
        Tensor src = Tensor.zeros(4, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> backend.warp(SourceImage.of(src, DataFormat.CHANNELS_LAST),
                WarpPlan.builder().build(), OutputSlot.image(Tensor.zeros(4, 4, 1), DataFormat.CHANNELS_LAST)));
        assertThrows(IllegalArgumentException.class, () -> backend.warp(SourceImage.of(src, DataFormat.CHANNELS_LAST),
                WarpPlan.builder().build(), OutputSlot.image(Tensor.zeros(5, 4, 3), DataFormat.CHANNELS_LAST)));
        assertThrows(IllegalArgumentException.class, () -> WarpPlan.builder().inverseAffine(new double[5]));
    }

    @Test
    void channelStatisticsPerChannelInBothLayouts() {
        Tensor nhwc = Tensor.of(new float[] {1, 10, 3, 30, 5, 50, 7, 70}, 2, 1, 2, 2);
        ChannelStatistics s = backend.channelStatistics(nhwc, DataFormat.CHANNELS_LAST);
        assertArrayEquals(new double[] {4, 40}, s.mean(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(5), Math.sqrt(500)}, s.std(), 1e-12);
        Tensor nchw = Tensor.of(new float[] {1, 3, 10, 30, 5, 7, 50, 70}, 2, 2, 1, 2);
        ChannelStatistics f = backend.channelStatistics(nchw, DataFormat.CHANNELS_FIRST);
        assertArrayEquals(s.mean(), f.mean(), 1e-12);
        assertArrayEquals(s.std(), f.std(), 1e-12);
    }

    @Test
    void matrixProductAccumulatesInDouble() {
        float[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {1, 0, 0.5, 1, 2, -1};
        float[] out = new float[4];
        backend.multiply(a, 2, 3, b, 2, out);
        assertArrayEquals(new float[] {1 + 1 + 6, 0 + 2 - 3, 4 + 2.5f + 12, 0 + 5 - 6}, out);
        assertThrows(IllegalArgumentException.class, () -> backend.multiply(a, 2, 3, b, 2, a));
        assertThrows(IllegalArgumentException.class, () -> backend.multiply(a, 3, 3, b, 2, out));
        assertEquals(4, out.length);
    }
}
