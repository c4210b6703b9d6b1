package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.data.Batch;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code CutMix} (Yun et al., "CutMix: Regularization Strategy to Train Strong Classifiers with
 * Localizable Features", 2019): into each image of a batch a box of another image ({@code x[p]}, one random
 * permutation {@code p} of the batch) is pasted, and its label becomes {@code w * y + (1 - w) * y[p]} where
 * {@code w} is the share of the image outside the box. As Keras draws it: a beta shape
 * {@code alpha ~ U(factor) + 1e-6} per batch, {@code lambda ~ Beta(alpha, alpha)} per sample, a box of
 * {@code sqrt(1 - lambda)} times the width and the height at a uniform position; a pixel {@code (row, col)}
 * is in the box when {@code x0 <= col < x1} and {@code y0 <= row < y1}, compared in float32 as Keras does.
 * The labels are the batch's first target ({@link Batch#y()}).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/cut_mix/">Keras CutMix</a>
 */
public final class CutMix extends KerasLayerBase implements BatchStep<CutMix.Cut> {
    private static final List<String> ARGUMENTS = List.of("factor", "seed");

    private final LayerConfig base;
    private final FactorRange factor;
    private final Number seed;

    /**
     * What Keras's {@code get_random_transformation} draws for one batch before it looks at the image
     * size: per sample the box's side as a share of the image's ({@code sqrt(1 - lambda)}) and the uniform
     * positions of its column and row bounds, and the permutation.
     *
     * @param ratio per sample, the box's width over the image's (and height over height)
     * @param column per sample, the uniform draw in [0, 1) placing the box's columns
     * @param row per sample, the uniform draw in [0, 1) placing the box's rows
     * @param permutationOrder per sample, the sample whose pixels fill the box
     */
    public record Cut(float[] ratio, float[] column, float[] row, int[] permutationOrder) {
        /** {@return the boxes in an image of {@code height} by {@code width}, as Keras's crop bounds} */
        Boxes boxes(int height, int width) {
            float[][] x = bounds(ratio, column, width);
            float[][] y = bounds(ratio, row, height);
            return new Boxes(x[0], x[1], y[0], y[1], permutationOrder);
        }

        private static float[][] bounds(float[] ratio, float[] position, int length) {
            float[] start = new float[ratio.length];
            float[] end = new float[ratio.length];
            for (int i = 0; i < ratio.length; i++) {
                float crop = ratio[i] * length;
                start[i] = position[i] * (length - crop);
                end[i] = start[i] + crop;
            }
            return new float[][] {start, end};
        }
    }

    /**
     * Keras's transformation for one batch in pixels: the crop bounds it turns into {@code batch_masks} and
     * {@code mix_weight}, and {@code permutation_order}.
     *
     * @param x0 per sample, the box's first column bound (inclusive)
     * @param x1 per sample, the box's last column bound (exclusive)
     * @param y0 per sample, the box's first row bound (inclusive)
     * @param y1 per sample, the box's last row bound (exclusive)
     * @param permutationOrder per sample, the sample whose pixels fill the box
     */
    record Boxes(float[] x0, float[] x1, float[] y0, float[] y1, int[] permutationOrder) {
    }

    /** A CutMix with Keras's defaults: {@code factor = 1.0} (beta shapes from {@code [0, 1]}), channels last. */
    public CutMix() {
        this(1.0, DataFormat.CHANNELS_LAST);
    }

    /**
     * A CutMix without a seed.
     *
     * @param factor the upper end of the range {@code [0, factor]} the beta shape is drawn from, in
     *     {@code [0, 1]}
     * @param dataFormat the layout of the batches (Keras's {@code data_format})
     * @throws IllegalArgumentException with Keras's message when {@code factor} is outside {@code [0, 1]}
     */
    public CutMix(double factor, DataFormat dataFormat) {
        this(LayerConfig.defaults("cut_mix", dataFormat), (Object) factor, null);
    }

    private CutMix(LayerConfig base, Object factor, Number seed) {
        this.base = base;
        this.factor = FactorRange.of(factor, "factor", 0, 1);
        this.seed = seed;
    }

    /**
     * {@return the CutMix that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code factor} (a number or a list of two), {@code seed}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value, with Keras's message for
     *     {@code factor}
     */
    public static CutMix fromConfig(Map<String, Object> config) {
        return new CutMix(LayerConfig.read(config, "cut_mix", ARGUMENTS), config.getOrDefault("factor", 1.0),
                LayerConfig.seed(config));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        c.put("factor", factor.toList());
        c.put("seed", seed);
        return c;
    }

    /**
     * Draws as Keras's {@code get_random_transformation} draws: the beta shape, a weight per sample, the
     * column positions of every box, then the row positions, then the permutation.
     */
    @Override
    public Cut draw(int size, RandomGenerator rng) {
        float alpha = KerasDraws.uniform(rng, factor.low(), factor.high()) + 1e-6f;
        float[] ratio = new float[size];
        for (int i = 0; i < size; i++) {
            float lambda = (float) KerasDraws.beta(rng, alpha, alpha);
            ratio[i] = (float) Math.sqrt(1.0f - lambda);
        }
        float[] column = new float[size];
        float[] row = new float[size];
        for (int i = 0; i < size; i++) {
            column[i] = KerasDraws.uniform(rng, 0f, 1f);
        }
        for (int i = 0; i < size; i++) {
            row[i] = KerasDraws.uniform(rng, 0f, 1f);
        }
        return new Cut(ratio, column, row, KerasDraws.shuffle(rng, size));
    }

    /** Pastes the boxes placed in the batch's image size and mixes the labels, as Keras's transforms do. */
    @Override
    public Batch apply(Cut params, Batch batch) {
        DenseTensor x = batch.x();
        boolean channelsLast = base.dataFormat() == DataFormat.CHANNELS_LAST;
        return apply(params.boxes(x.dim(channelsLast ? 1 : 2), x.dim(channelsLast ? 2 : 3)), batch);
    }

    /** {@return the batch with the given boxes pasted and the labels mixed, as Keras's transforms do} */
    Batch apply(Boxes params, Batch batch) {
        DenseTensor x = batch.x();
        boolean channelsLast = base.dataFormat() == DataFormat.CHANNELS_LAST;
        int n = x.dim(0);
        int height = x.dim(channelsLast ? 1 : 2);
        int width = x.dim(channelsLast ? 2 : 3);
        int channels = x.dim(channelsLast ? 3 : 1);
        float[] in = MixedBatch.values(x);
        float[] out = in.clone();
        int image = height * width * channels;
        for (int i = 0; i < n; i++) {
            int own = i * image;
            int other = params.permutationOrder()[i] * image;
            for (int r = 0; r < height; r++) {
                if (!(r >= params.y0()[i] && r < params.y1()[i])) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    if (c >= params.x0()[i] && c < params.x1()[i]) {
                        for (int ch = 0; ch < channels; ch++) {
                            int k = channelsLast ? (r * width + c) * channels + ch : (ch * height + r) * width + c;
                            out[own + k] = in[other + k];
                        }
                    }
                }
            }
        }
        return MixedBatch.of(batch, out, mixWeights(params, height, width), params.permutationOrder());
    }

    /** {@return per sample, Keras's {@code mix_weight}: {@code 1 - (x1 - x0) * (y1 - y0) / (width * height)}} */
    static float[] mixWeights(Boxes params, int height, int width) {
        float[] w = new float[params.x0().length];
        float area = (float) (width * height);
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0f - (params.x1()[i] - params.x0()[i]) * (params.y1()[i] - params.y0()[i]) / area;
        }
        return w;
    }

    @Override
    public String toString() {
        return "CutMix(factor=" + factor.toList() + ")";
    }
}
