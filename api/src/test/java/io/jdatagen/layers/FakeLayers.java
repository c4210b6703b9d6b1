package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.WrapConvention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Test-only layers of each step kind, standing in for the Keras layers while the pipeline and the configs
 * are tested on their own. Each draws a known number of values so that tests can predict its draws.
 */
final class FakeLayers {
    static final Resampling NEAREST = new Resampling(Interpolation.NEAREST, FillMode.CONSTANT, 0,
            WrapConvention.PERIODIC);
    static final Resampling BILINEAR = new Resampling(Interpolation.BILINEAR, FillMode.NEAREST, 0,
            WrapConvention.PERIODIC);

    private FakeLayers() {
    }

    /** A translation by a whole number of pixels in {@code [-max, max]} on each axis plus {@code fraction}. */
    static final class Shift implements KerasLayer, GeometricStep<double[]> {
        private final int max;
        private final double fraction;
        private final Resampling resampling;

        Shift(int max, double fraction, Resampling resampling) {
            this.max = max;
            this.fraction = fraction;
            this.resampling = resampling;
        }

        @Override
        public String className() {
            return "FakeShift";
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("max", max);
            c.put("fraction", fraction);
            return c;
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public Resampling resampling() {
            return resampling;
        }

        @Override
        public double[] draw(ImageShape image, RandomGenerator rng) {
            return new double[] {rng.nextInt(-max, max + 1) + fraction, rng.nextInt(-max, max + 1) + fraction};
        }

        @Override
        public Geometry geometry(double[] shift, ImageShape image) {
            return Geometry.inverse(new double[] {1, 0, -shift[0], 0, 1, -shift[1]}, image.height(), image.width());
        }
    }

    /** A horizontal flip with probability one half. */
    static final class Flip implements KerasLayer, GeometricStep<Boolean> {
        @Override
        public String className() {
            return "FakeFlip";
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public Resampling resampling() {
            return NEAREST;
        }

        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return rng.nextBoolean() ? Boolean.TRUE : null;
        }

        @Override
        public Geometry geometry(Boolean on, ImageShape image) {
            return Geometry.flip(false, true, image.height(), image.width());
        }
    }

    /** A crop to {@code height × width} at a random whole offset: changes the image size. */
    static final class Crop implements KerasLayer, GeometricStep<int[]> {
        private final int height;
        private final int width;

        Crop(int height, int width) {
            this.height = height;
            this.width = width;
        }

        @Override
        public String className() {
            return "FakeCrop";
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of("height", height, "width", width);
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public Resampling resampling() {
            return NEAREST;
        }

        @Override
        public int[] draw(ImageShape image, RandomGenerator rng) {
            return new int[] {rng.nextInt(image.height() - height + 1), rng.nextInt(image.width() - width + 1)};
        }

        @Override
        public Geometry geometry(int[] offset, ImageShape image) {
            return Geometry.inverse(new double[] {1, 0, offset[0], 0, 1, offset[1]}, height, width);
        }
    }

    /** Every value times {@code factor}, for every sample (not an augmentation, as Keras's Rescaling). */
    static final class Scale implements KerasLayer, ColorLinearStep<Float> {
        private final float factor;

        Scale(float factor) {
            this.factor = factor;
        }

        @Override
        public String className() {
            return "FakeScale";
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of("factor", (double) factor);
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public boolean augments() {
            return false;
        }

        @Override
        public Float draw(ImageShape image, RandomGenerator rng) {
            return factor;
        }

        @Override
        public ColorLinear color(Float f, ImageShape image) {
            float[] scale = new float[image.channels()];
            Arrays.fill(scale, f);
            return ColorLinear.of(scale, new float[image.channels()]);
        }
    }

    /** {@code 255 - x} with probability one half: a pixel step. */
    static final class Invert implements KerasLayer, PixelStep<Boolean> {
        @Override
        public String className() {
            return "FakeInvert";
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return rng.nextBoolean() ? Boolean.TRUE : null;
        }

        @Override
        public Tensor apply(Boolean on, Tensor image, ImageShape shape, SampleContext context) {
            float[] x = image.data();
            for (int i = 0; i < x.length; i++) {
                x[i] = 255 - x[i];
            }
            return image;
        }
    }

    /** Reverses the order of a batch's images and first targets: a batch step. */
    static final class Reverse implements KerasLayer, BatchStep<Boolean> {
        @Override
        public String className() {
            return "FakeReverse";
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public Boolean draw(int size, RandomGenerator rng) {
            return Boolean.TRUE;
        }

        @Override
        public Batch apply(Boolean on, Batch batch) {
            Tensor x = batch.xTensor();
            Tensor reversed = Tensor.zeros(x.shape());
            Tensor y = batch.targets().get(0);
            Tensor labels = Tensor.zeros(y.shape());
            int n = batch.size();
            for (int i = 0; i < n; i++) {
                reversed.setItem(i, x.item(n - 1 - i));
                labels.setItem(i, y.item(n - 1 - i));
            }
            return new Batch(List.of(reversed), List.of(labels), null, batch.indices());
        }
    }

    /**
     * A layer of any class name that keeps its config, as a config test needs: it leaves images as they are
     * and writes every whole number back as a double ({@code 0} as {@code 0.0}), as a layer holding its
     * arguments in doubles would.
     */
    static final class Recorded implements KerasLayer, PixelStep<Boolean> {
        private final String className;
        private final Map<String, Object> config;

        Recorded(String className, Map<String, Object> config) {
            this.className = className;
            this.config = config;
        }

        @Override
        public String className() {
            return className;
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> out = new LinkedHashMap<>();
            config.forEach((k, v) -> out.put(k, doubles(v)));
            return out;
        }

        private static Object doubles(Object v) {
            if (v instanceof Integer i) {
                return i.doubleValue();
            }
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                list.forEach(e -> out.add(doubles(e)));
                return out;
            }
            return v;
        }

        @Override
        public Step step() {
            return this;
        }

        @Override
        public String name() {
            return className;
        }

        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return null;
        }

        @Override
        public Tensor apply(Boolean on, Tensor image, ImageShape shape, SampleContext context) {
            return image;
        }
    }
}
