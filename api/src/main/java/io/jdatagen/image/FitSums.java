package io.jdatagen.image;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What {@link ImageDataGenerator#fit} computes, gathered in parts: per-channel counts, means and
 * sums of squared deviations (merged with Chan's parallel formula) and, for ZCA, the per-value
 * sums and the Gram matrix of the flattened images. Parts filled on different threads or machines
 * (e.g. one per Spark partition) are {@linkplain #merge merged} in any order; the
 * {@linkplain #statistics statistics} then equal single-node {@code fit} (without augmentation
 * rounds) on the same images to floating-point rounding.
 *
 * <p>Images are added at the size the generator fits them (already resized) and in its data
 * format; {@code rescale} is applied here, as {@code fit} applies it. ZCA needs more images than
 * values per image (the Gram matrix path) and at most {@value #MAX_ZCA_VALUES} values per image.
 */
public final class FitSums implements Serializable {
    /** The largest image (height × width × channels) whose ZCA matrix is gathered. */
    public static final int MAX_ZCA_VALUES = 4096;
    private static final long serialVersionUID = 1L;

    /** Whether the mean is fitted. */
    private final boolean center;
    /** Whether the standard deviation is fitted. */
    private final boolean std;
    /** Whether the ZCA matrix is fitted. */
    private final boolean zca;
    /** Keras's {@code zca_epsilon}. */
    private final double zcaEpsilon;
    /** The generator's rescale factor, or null. */
    private final Double rescale;
    /** The precision of the rescale step. */
    private final Precision precision;
    /** The layout of the images. */
    private final DataFormat format;
    /** The shape of every image, once one was added. */
    private int[] imageShape;
    /** Images added. */
    private long images;
    /** Values per channel added. */
    private long[] pixels;
    /** Running mean per channel. */
    private double[] mean;
    /** Sum of squared deviations from the running mean, per channel. */
    private double[] squares;
    /** Per-value sums of the flattened images (ZCA only). */
    private double[] valueSums;
    /** Upper triangle of the Gram matrix of the flattened images, row-major d×d (ZCA only). */
    private double[] gram;

    private FitSums(GeneratorOptions o) {
        this.center = o.featurewiseCenter();
        this.std = o.featurewiseStdNormalization();
        this.zca = o.zcaWhitening();
        this.zcaEpsilon = o.zcaEpsilon();
        this.rescale = o.rescale();
        this.precision = o.precision();
        this.format = o.dataFormat();
    }

    /**
     * {@return empty sums for {@code generator}'s fit (its rescale, data format and featurewise options)}
     *
     * @param generator the generator to fit
     */
    public static FitSums of(ImageDataGenerator generator) {
        return new FitSums(generator.options());
    }

    /**
     * Adds images: one rank-3 image or a rank-4 batch in the generator's data format, all of one shape.
     *
     * @param x the image or images
     * @return this
     * @throws IllegalArgumentException if the shape differs from earlier images or ZCA cannot take it
     */
    public FitSums add(Tensor x) {
        int[] shape = x.shape();
        if (shape.length != 3 && shape.length != 4) {
            throw new IllegalArgumentException("fit takes an image (rank 3) or a batch (rank 4); got shape "
                    + Arrays.toString(shape));
        }
        int[] image = shape.length == 4 ? Arrays.copyOfRange(shape, 1, 4) : shape;
        int count = shape.length == 4 ? shape[0] : 1;
        start(image);
        double[] w = ElementArithmetic.widen(x.data());
        ElementArithmetic.rescale(w, rescale, precision);
        int channels = ElementArithmetic.channels(image, format);
        int plane = ElementArithmetic.plane(image, format);
        int d = w.length / Math.max(1, count);
        double[] sum = new double[channels];
        for (int k = 0; k < w.length; k++) {
            sum[ElementArithmetic.channelOf(k % d, channels, plane)] += w[k];
        }
        long n = (long) count * (d / channels);
        double[] partMean = new double[channels];
        double[] partSquares = new double[channels];
        for (int c = 0; c < channels; c++) {
            partMean[c] = sum[c] / n;
        }
        for (int k = 0; k < w.length; k++) {
            int c = ElementArithmetic.channelOf(k % d, channels, plane);
            double dev = w[k] - partMean[c];
            partSquares[c] += dev * dev;
        }
        for (int c = 0; c < channels; c++) {
            combine(c, n, partMean[c], partSquares[c]);
        }
        if (zca) {
            for (int i = 0; i < count; i++) {
                int at = i * d;
                for (int a = 0; a < d; a++) {
                    double va = w[at + a];
                    valueSums[a] += va;
                    int row = a * d;
                    for (int b = a; b < d; b++) {
                        gram[row + b] += va * w[at + b];
                    }
                }
            }
        }
        images += count;
        return this;
    }

    private void start(int[] image) {
        if (imageShape == null) {
            int d = image[0] * image[1] * image[2];
            if (zca && d > MAX_ZCA_VALUES) {
                throw new IllegalArgumentException("ZCA is gathered for images of at most " + MAX_ZCA_VALUES
                        + " values; got " + Arrays.toString(image) + " (" + d + "): its Gram matrix would have "
                        + (long) d * d + " entries");
            }
            imageShape = image.clone();
            int channels = ElementArithmetic.channels(image, format);
            pixels = new long[channels];
            mean = new double[channels];
            squares = new double[channels];
            valueSums = zca ? new double[d] : null;
            gram = zca ? new double[d * d] : null;
        } else if (!Arrays.equals(imageShape, image)) {
            throw new IllegalArgumentException("every image must have shape " + Arrays.toString(imageShape)
                    + "; got " + Arrays.toString(image));
        }
    }

    /** Chan et al.'s update of channel {@code c} with a part of {@code n} values. */
    private void combine(int c, long n, double partMean, double partSquares) {
        long total = pixels[c] + n;
        double delta = partMean - mean[c];
        mean[c] += delta * n / total;
        squares[c] += partSquares + delta * delta * ((double) pixels[c] * n / total);
        pixels[c] = total;
    }

    /**
     * Adds {@code other}'s images to these.
     *
     * @param other sums for the same generator
     * @return this
     * @throws IllegalArgumentException if the image shapes differ
     */
    public FitSums merge(FitSums other) {
        if (other.imageShape == null) {
            return this;
        }
        start(other.imageShape);
        for (int c = 0; c < mean.length; c++) {
            combine(c, other.pixels[c], other.mean[c], other.squares[c]);
        }
        if (zca) {
            for (int k = 0; k < gram.length; k++) {
                gram[k] += other.gram[k];
            }
            for (int k = 0; k < valueSums.length; k++) {
                valueSums[k] += other.valueSums[k];
            }
        }
        images += other.images;
        return this;
    }

    /** {@return the number of images added} */
    public long count() {
        return images;
    }

    /**
     * {@return the featurewise statistics of every image added, for {@link ImageDataGenerator#setStatistics}}
     *
     * @throws IllegalStateException if no image was added, or ZCA has no more images than values per image
     */
    public FeaturewiseStatistics statistics() {
        if (images == 0) {
            throw new IllegalStateException("fit needs at least one image; none was added");
        }
        if (!center && !std && !zca) {
            return FeaturewiseStatistics.none();
        }
        int channels = mean.length;
        double[] m = null;
        if (center) {
            m = new double[channels];
            for (int c = 0; c < channels; c++) {
                m[c] = precision.round(mean[c]);
            }
        }
        double[] s = null;
        if (std) {
            s = new double[channels];
            for (int c = 0; c < channels; c++) {
                s[c] = precision.round(Math.sqrt(squares[c] / pixels[c]));
            }
        }
        double[] whitening = null;
        int d = 0;
        if (zca) {
            d = valueSums.length;
            if (images <= d) {
                throw new IllegalStateException("ZCA gathered in parts needs more images than values per image: "
                        + images + " images of " + d + " values; fit on one machine instead");
            }
            whitening = ZcaWhitening.fromGram(centredGram(m, d), images, d, zcaEpsilon);
        }
        return new FeaturewiseStatistics(m, s, whitening, d);
    }

    /** The full Gram matrix of the images less {@code channelMeans} (none: the raw Gram matrix). */
    private double[] centredGram(double[] channelMeans, int d) {
        int plane = ElementArithmetic.plane(imageShape, format);
        double[] shift = new double[d];
        if (channelMeans != null) {
            for (int a = 0; a < d; a++) {
                shift[a] = channelMeans[ElementArithmetic.channelOf(a, channelMeans.length, plane)];
            }
        }
        double[] full = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double v = gram[a * d + b] - shift[a] * valueSums[b] - shift[b] * valueSums[a]
                        + images * shift[a] * shift[b];
                full[a * d + b] = v;
                full[b * d + a] = v;
            }
        }
        return full;
    }
}
