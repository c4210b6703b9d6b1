package io.jdatagen.simd;

import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.reference.PillowResample;

/**
 * Pillow's resampling on the Vector API: RGB rows ({@link SimdResample#rgbRows}), columns of any
 * channel count ({@link SimdResample#columns}) and nearest picks ({@link SimdNearest}); rows of other
 * channel counts and the picks it does not chunk take {@link PillowResample}'s plain-Java pass. The
 * same bytes as Pillow's integer arithmetic either way.
 */
final class SimdResampling implements ResampleKernel {
    private static final PillowResample PILLOW = new PillowResample();

    @Override
    public void resampleRows(byte[] src, int srcWidth, int channels, int firstRow, int rows, ResampleTable table,
            byte[] out) {
        if (channels == 3) {
            SimdResample.rgbRows(src, srcWidth, firstRow, rows, table, out);
        } else {
            PILLOW.resampleRows(src, srcWidth, channels, firstRow, rows, table, out);
        }
    }

    @Override
    public void resampleColumns(byte[] src, int width, int channels, ResampleTable table, byte[] out) {
        SimdResample.columns(src, width, channels, table, out);
    }

    @Override
    public void resampleNearest(byte[] src, int srcWidth, int channels, int[] rows, int[] cols, byte[] out) {
        SimdNearest.run(src, srcWidth, channels, rows, cols, out, PILLOW);
    }
}
