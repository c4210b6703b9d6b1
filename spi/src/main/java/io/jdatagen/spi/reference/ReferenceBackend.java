package io.jdatagen.spi.reference;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import java.util.Arrays;

/**
 * The plain-Java ground truth for every other backend: double-precision coordinates and
 * accumulation, scipy's boundary and tap rules and operation order.
 * Stateless and thread-safe.
 */
public final class ReferenceBackend implements Backend {
    /** The provider name. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "plain Java, double-precision coordinates; warp, statistics and matrix product all"
                + " native (the oracle)";
    }

    @Override
    public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        new PlanSampler(source, plan).writeAll(output);
    }

    /** Resamples one plan; holds the per-pixel scratch so that the loops allocate nothing. */
    private static final class PlanSampler {
        private final SourceImage src;
        private final WarpPlan plan;
        private final FillMode mode;
        private final WrapConvention wrap;
        private final boolean nearest;
        private final int[] taps0 = new int[2];
        private final int[] taps1 = new int[2];
        private final double[] weights0 = new double[2];
        private final double[] weights1 = new double[2];

        PlanSampler(SourceImage src, WarpPlan plan) {
            this.src = src;
            this.plan = plan;
            this.mode = plan.fillMode();
            this.wrap = plan.wrapConvention();
            this.nearest = plan.interpolation() == Interpolation.NEAREST;
        }

        void writeAll(OutputSlot out) {
            int height = out.height();
            int width = out.width();
            int channels = out.channels();
            float fill = (float) plan.fillValue();
            for (int i = 0; i < height; i++) {
                int vi = plan.flipRows() ? height - 1 - i : i;
                for (int j = 0; j < width; j++) {
                    int vj = plan.flipCols() ? width - 1 - j : j;
                    if (plan.isIdentityAffine()) {
                        for (int c = 0; c < channels; c++) {
                            out.put(i, j, c, color(src.sample(vi, vj, c), c));
                        }
                    } else if (locate(vi, vj)) {
                        for (int c = 0; c < channels; c++) {
                            out.put(i, j, c, color((float) interpolate(c), c));
                        }
                    } else {
                        for (int c = 0; c < channels; c++) {
                            out.put(i, j, c, color(fill, c));
                        }
                    }
                }
            }
        }

        /** Computes taps and weights for output (i, j); false when the pixel takes the fill. */
        private boolean locate(int i, int j) {
            double c0 = plan.affine(2);
            c0 += i * plan.affine(0);
            c0 += j * plan.affine(1);
            double c1 = plan.affine(5);
            c1 += i * plan.affine(3);
            c1 += j * plan.affine(4);
            return axis(c0, src.height(), taps0, weights0) && axis(c1, src.width(), taps1, weights1);
        }

        private boolean axis(double coordinate, int n, int[] taps, double[] weights) {
            double c = ScipyBoundary.mapCoordinate(coordinate, n, mode, wrap);
            if (Double.isNaN(c)) {
                return false;
            }
            if (nearest) {
                taps[0] = ScipyBoundary.mapTap((long) Math.floor(c + 0.5), n, mode, wrap);
                return true;
            }
            double f = Math.floor(c);
            long s = (long) f;
            double w0 = 1.0 - (c - f);
            weights[0] = w0;
            weights[1] = 1.0 - w0;
            taps[0] = ScipyBoundary.mapTap(s, n, mode, wrap);
            taps[1] = ScipyBoundary.mapTap(s + 1, n, mode, wrap);
            return true;
        }

        private double interpolate(int channel) {
            if (nearest) {
                return src.sample(taps0[0], taps1[0], channel);
            }
            double t = 0;
            for (int p = 0; p < 2; p++) {
                for (int q = 0; q < 2; q++) {
                    t += (src.sample(taps0[p], taps1[q], channel) * weights0[p]) * weights1[q];
                }
            }
            return t;
        }

        private float color(float v, int c) {
            return plan.hasColor() ? v * plan.scale(c) + plan.offset(c) : v;
        }
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
     * @param rows the rows
     * @param inner the inner
     * @param b the right operand
     * @param cols the cols
     * @param out the out
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
