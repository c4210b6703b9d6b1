package io.jdatagen.simd;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.ChannelStatistics;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-channel mean and population std. Channels-first planes are summed in float lanes, in blocks
 * of {@value #BLOCK} values flushed into double so that long sums keep double accuracy;
 * channels-last data is summed per channel in double (the stride defeats lanes).
 */
final class SimdStatistics {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int BLOCK = 1024;

    private SimdStatistics() {
    }

    static ChannelStatistics of(Tensor batch, DataFormat format) {
        int[] layout = ChannelStatistics.channelsAndPlane(batch, format);
        int[] s = batch.shape();
        int channels = layout[0];
        int plane = layout[1];
        double count = (double) s[0] * plane;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        float[] x = batch.data();
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < s[0]; n++) {
                sum += format == DataFormat.CHANNELS_FIRST ? sumPlane(x, (n * channels + c) * plane, plane, 0f, false)
                        : sumStrided(x, n * plane * channels + c, plane, channels, 0, false);
            }
            mean[c] = count == 0 ? Double.NaN : sum / count;
            double squares = 0;
            for (int n = 0; n < s[0]; n++) {
                squares += format == DataFormat.CHANNELS_FIRST
                        ? sumPlane(x, (n * channels + c) * plane, plane, (float) mean[c], true)
                        : sumStrided(x, n * plane * channels + c, plane, channels, mean[c], true);
            }
            std[c] = count == 0 ? Double.NaN : Math.sqrt(squares / count);
        }
        return new ChannelStatistics(mean, std);
    }

    /** Sum of {@code x} (or of {@code (x - m)^2}) over a contiguous plane. */
    private static double sumPlane(float[] x, int from, int length, float m, boolean squares) {
        double total = 0;
        for (int start = 0; start < length; start += BLOCK) {
            int end = Math.min(length, start + BLOCK);
            int bound = start + FS.loopBound(end - start);
            FloatVector acc = FloatVector.zero(FS);
            int k = start;
            for (; k < bound; k += FS.length()) {
                FloatVector v = FloatVector.fromArray(FS, x, from + k);
                if (squares) {
                    v = v.sub(m);
                    acc = v.fma(v, acc);
                } else {
                    acc = acc.add(v);
                }
            }
            total += acc.reduceLanes(VectorOperators.ADD);
            for (; k < end; k++) {
                double d = squares ? x[from + k] - (double) m : x[from + k];
                total += squares ? d * d : d;
            }
        }
        return total;
    }

    private static double sumStrided(float[] x, int from, int count, int stride, double m, boolean squares) {
        double total = 0;
        for (int k = 0, o = from; k < count; k++, o += stride) {
            double d = x[o] - m;
            total += squares ? d * d : x[o];
        }
        return total;
    }
}
