package io.jdatagen.spi.reference;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.Arrays;

/**
 * The plain-Java ground truth for every other backend: double-precision coordinates and
 * accumulation, scipy's boundary and tap rules and operation order.
 * Stateless and thread-safe.
 */
public final class ReferenceBackend implements Backend {
    /** The provider name. */
    public static final String NAME = "reference";
    private static final PillowResample RESAMPLE = new PillowResample();

    /** Creates the backend (its provider does, when the backend is selected). */
    public ReferenceBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "plain Java, double-precision coordinates; warp, statistics and matrix product all"
                + " native (the oracle); Pillow resampling by PillowResample";
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        if (plan.hasPresize()) {
            PresizedWarp.warp(this, source, plan, output);
            return;
        }
        new PlanSampler(source, plan).writeAll(output);
    }

    /** Pillow's passes and nearest pick in plain Java ({@link PillowResample}). */
    @Override
    public ResampleKernel resampling() {
        return RESAMPLE;
    }

    @Override
    public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
        int[] layout = ChannelStatistics.channelsAndPlane(batch, format);
        int[] s = batch.shape();
        int channels = layout[0];
        int plane = layout[1];
        float[] x = batch.data();
        double[] sum = new double[channels];
        long count = (long) s[0] * plane;
        for (int k = 0; k < x.length; k++) {
            sum[channelOf(k, format, channels, plane)] += x[k];
        }
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = count == 0 ? Double.NaN : sum[c] / count;
        }
        double[] squares = new double[channels];
        for (int k = 0; k < x.length; k++) {
            int c = channelOf(k, format, channels, plane);
            double d = x[k] - mean[c];
            squares[c] += d * d;
        }
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            std[c] = count == 0 ? Double.NaN : Math.sqrt(squares[c] / count);
        }
        return new ChannelStatistics(mean, std);
    }

    private static int channelOf(int k, DataFormat format, int channels, int plane) {
        return format == DataFormat.CHANNELS_LAST ? k % channels : (k / plane) % channels;
    }

    @Override
    public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        checkProduct(a, rows, inner, b, cols, out);
        double[] acc = new double[cols];
        for (int r = 0; r < rows; r++) {
            Arrays.fill(acc, 0.0);
            int aRow = r * inner;
            for (int k = 0; k < inner; k++) {
                double av = a[aRow + k];
                int bRow = k * cols;
                for (int c = 0; c < cols; c++) {
                    acc[c] += av * b[bRow + c];
                }
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) acc[c];
            }
        }
    }

    /**
     * Validates the arguments of {@link #multiply}.
     *
     * @param a the left operand
     * @param b the right operand
     * @throws IllegalArgumentException naming the array that is too small or aliased
     */
    public static void checkProduct(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
        if (rows < 0 || inner < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0: " + rows + "x" + inner
                    + " times " + inner + "x" + cols);
        }
        if (a.length < (long) rows * inner) {
            throw new IllegalArgumentException("a has " + a.length + " elements, needs " + rows * inner);
        }
        if (b.length < (long) inner * cols) {
            throw new IllegalArgumentException("b has " + b.length + " elements, needs " + inner * cols);
        }
        if (out.length < (long) rows * cols) {
            throw new IllegalArgumentException("out has " + out.length + " elements, needs " + rows * cols);
        }
        if (out == a) {
            throw new IllegalArgumentException("out must not alias a");
        }
    }
}
