package io.jdatagen.image;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.ChannelStatistics;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code fit}: rescale, optional augmentation rounds, then the
 * per-channel mean, the standard deviation of the centred data, and the ZCA matrix. The
 * samplewise flags are ignored, as in Keras.
 */
final class StatisticsFitter {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsFitter.class);

    private final SamplePipeline pipeline;
    private final GeneratorOptions o;

    StatisticsFitter(SamplePipeline pipeline) {
        this.pipeline = pipeline;
        this.o = pipeline.options();
    }

    FeaturewiseStatistics fit(Tensor input, boolean augment, int rounds, RandomGenerator rng) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("Input to `.fit()` (ImageDataGenerator.fit in Java) should have rank 4."
                    + " Got array with shape: "
                    + pythonTuple(input.shape()));
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1; got: " + rounds);
        }
        int channelAxis = o.dataFormat() == DataFormat.CHANNELS_LAST ? 3 : 1;
        int channels = input.dim(channelAxis);
        if (channels != 1 && channels != 3 && channels != 4) {
            LOG.warn("Expected input to be images following the data format convention \"{}\" (channels on"
                    + " axis {}), i.e. expected either 1, 3 or 4 channels on axis {}. However, it was passed an"
                    + " array with shape {} ({} channels).", o.dataFormat().kerasName(), channelAxis,
                    channelAxis, pythonTuple(input.shape()), channels);
        }
        Precision p = o.precision();
        Tensor x = pipeline.resize(input);
        double[] w = ElementArithmetic.widen(x.data());
        ElementArithmetic.rescale(w, o.rescale(), p);
        if (augment) {
            Tensor rescaled = Tensor.of(ElementArithmetic.narrow(w), x.shape());
            int n = rescaled.dim(0);
            Tensor augmented = Tensor.zeros(withFirst(rescaled.shape(), n * rounds));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n; i++) {
                    augmented.setItem(i + r * n, pipeline.randomTransform(rescaled.item(i), rng));
                }
            }
            x = augmented;
            w = ElementArithmetic.widen(x.data());
        }
        if (!o.featurewiseCenter() && !o.featurewiseStdNormalization() && !o.zcaWhitening()) {
            return FeaturewiseStatistics.none();
        }
        ChannelStatistics stats = p == Precision.FLOAT32
                ? pipeline.backend().channelStatistics(Tensor.of(ElementArithmetic.narrow(w), x.shape()), o.dataFormat())
                : channelStatistics(w, x.shape(), o.dataFormat());
        double[] mean = null;
        double[] std = null;
        if (o.featurewiseCenter()) {
            mean = stats.mean();
            for (int c = 0; c < mean.length; c++) {
                mean[c] = p.round(mean[c]);
            }
            int plane = ElementArithmetic.plane(x.shape(), o.dataFormat());
            for (int k = 0; k < w.length; k++) {
                w[k] = p.round(w[k] - mean[ElementArithmetic.channelOf(k, channels, plane)]);
            }
        }
        if (o.featurewiseStdNormalization()) {
            std = stats.std();
            for (int c = 0; c < std.length; c++) {
                std[c] = p.round(std[c]);
            }
        }
        double[] zca = null;
        int d = 0;
        if (o.zcaWhitening()) {
            int n = x.dim(0);
            d = x.itemSize();
            zca = ZcaWhitening.matrix(w, n, d, o.zcaEpsilon());
        }
        return new FeaturewiseStatistics(mean, std, zca, d);
    }

    /** Double-precision per-channel mean and population std (for {@link Precision#FLOAT64}). */
    private static ChannelStatistics channelStatistics(double[] w, int[] shape, DataFormat format) {
        int channels = ElementArithmetic.channels(shape, format);
        int plane = ElementArithmetic.plane(shape, format);
        double[] sum = new double[channels];
        for (int k = 0; k < w.length; k++) {
            sum[ElementArithmetic.channelOf(k, channels, plane)] += w[k];
        }
        double count = (double) w.length / channels;
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / count;
        }
        double[] squares = new double[channels];
        for (int k = 0; k < w.length; k++) {
            int c = ElementArithmetic.channelOf(k, channels, plane);
            double dev = w[k] - mean[c];
            squares[c] += dev * dev;
        }
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            std[c] = Math.sqrt(squares[c] / count);
        }
        return new ChannelStatistics(mean, std);
    }

    private static int[] withFirst(int[] shape, int first) {
        int[] s = shape.clone();
        s[0] = first;
        return s;
    }

    /** A shape as Python prints a tuple: {@code (3, 10, 10)}. */
    static String pythonTuple(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
    }
}
