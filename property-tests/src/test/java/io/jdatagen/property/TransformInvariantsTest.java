package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.AffineTransforms;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageAxes;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.image.WarpOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Invariants of DESIGN.md §8 for the transform core, on random images and parameters. */
class TransformInvariantsTest {

    /** A random image with its layout. */
    record Image(Tensor tensor, DataFormat format) {
        @Override
        public String toString() {
            return Arrays.toString(tensor.shape()) + " " + format;
        }
    }

    static Image image(SplittableRandom r, int size) {
        int h = 1 + r.nextInt(size);
        int w = 1 + r.nextInt(size);
        int c = new int[] {1, 3, 4}[r.nextInt(3)];
        DataFormat format = r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor t = Tensor.zeros(format.imageShape(h, w, c));
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(0, 255);
        }
        return new Image(t, format);
    }

    private static ImageDataGenerator generator(DataFormat format, Compatibility compatibility) {
        return ImageDataGenerator.builder().dataFormat(format).compatibility(compatibility).build();
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        Property.forAll("flip twice", 60, 40, TransformInvariantsTest::image, img -> {
            ImageDataGenerator g = generator(img.format(), Compatibility.DOCUMENTED);
            TransformParameters flips = TransformParameters.identity().withFlips(true, true);
            assertEquals(img.tensor(), g.applyTransform(g.applyTransform(img.tensor(), flips), flips));
        });
    }

    @Test
    void zeroStrengthTransformsAreTheIdentity() {
        Property.forAll("zero strength", 60, 40, TransformInvariantsTest::image, img -> {
            ImageDataGenerator g = ImageDataGenerator.builder().dataFormat(img.format()).rotationRange(0)
                    .widthShiftRange(0).heightShiftRange(0).shearRange(0).zoomRange(0).channelShiftRange(0).build();
            assertSame(img.tensor(), g.randomTransform(img.tensor(), 17));
        });
    }

    @Test
    void rotationsBy90WithNearestArePermutations() {
        Property.forAll("rot90 permutation", 60, 30, (r, size) -> {
            int n = 1 + r.nextInt(size);
            Tensor t = Tensor.zeros(n, n, 1);
            for (int i = 0; i < t.size(); i++) {
                t.data()[i] = i;
            }
            return new Object[] {t, 90 * (1 + r.nextInt(3)), r.nextBoolean() ? Compatibility.DOCUMENTED
                    : Compatibility.KERAS_REFERENCE};
        }, c -> {
            Tensor t = (Tensor) c[0];
            int theta = (Integer) c[1];
            WarpOptions o = new WarpOptions(ImageAxes.CHANNELS_LAST, FillMode.NEAREST, 0, Interpolation.NEAREST,
                    (Compatibility) c[2], null);
            Tensor rotated = AffineTransforms.applyAffineTransform(t, theta, 0, 0, 0, 1, 1, o);
            float[] sorted = rotated.data().clone();
            Arrays.sort(sorted);
            assertArrayEquals(t.data(), sorted, "every pixel exactly once");
            int n = t.dim(0);
            // Counter-clockwise on screen: out[r][c] = in[c][n-1-r] for 90 degrees.
            if (theta == 90) {
                for (int r = 0; r < n; r++) {
                    for (int col = 0; col < n; col++) {
                        assertEquals(t.get(col, n - 1 - r, 0), rotated.get(r, col, 0));
                    }
                }
            }
        });
    }

    @Test
    void integerShiftsComposeUnderPeriodicWrap() {
        Property.forAll("shift composition", 60, 20, (r, size) -> new Object[] {image(r, size),
                r.nextInt(-2 * size, 2 * size + 1), r.nextInt(-2 * size, 2 * size + 1), r.nextInt(2)}, c -> {
            Image img = (Image) c[0];
            int a = (Integer) c[1];
            int b = (Integer) c[2];
            WarpOptions o = new WarpOptions(ImageAxes.of(img.format()), FillMode.WRAP, 0,
                    Interpolation.fromOrder((Integer) c[3]), Compatibility.DOCUMENTED, null);
            Tensor twice = AffineTransforms.applyAffineTransform(
                    AffineTransforms.applyAffineTransform(img.tensor(), 0, a, b, 0, 1, 1, o), 0, b, a, 0, 1, 1, o);
            Tensor once = AffineTransforms.applyAffineTransform(img.tensor(), 0, a + b, a + b, 0, 1, 1, o);
            assertEquals(once, twice);
        });
    }

    @Test
    void documentedRotation180IsADoubleFlipOnAnyShape() {
        Property.forAll("rot180 = flips", 60, 30, TransformInvariantsTest::image, img -> {
            WarpOptions o = new WarpOptions(ImageAxes.of(img.format()), FillMode.NEAREST, 0, Interpolation.BILINEAR,
                    Compatibility.DOCUMENTED, null);
            Tensor rotated = AffineTransforms.applyAffineTransform(img.tensor(), 180, 0, 0, 0, 1, 1, o);
            ImageDataGenerator g = generator(img.format(), Compatibility.DOCUMENTED);
            Tensor flipped = g.applyTransform(img.tensor(), TransformParameters.identity().withFlips(true, true));
            for (int i = 0; i < rotated.size(); i++) {
                assertEquals(flipped.data()[i], rotated.data()[i], 1e-3, "element " + i);
            }
        });
    }

    @Test
    void featurewiseStatisticsNormaliseTheFittedData() {
        Property.forAll("fit then standardize", 30, 12, (r, size) -> {
            int n = 2 + r.nextInt(3 * size);
            Image img = image(r, size);
            int[] s = img.tensor().shape();
            Tensor batch = Tensor.zeros(n, s[0], s[1], s[2]);
            double scale = r.nextDouble(0.5, 50);
            double shift = r.nextDouble(-100, 100);
            for (int i = 0; i < batch.size(); i++) {
                batch.data()[i] = (float) (shift + scale * r.nextGaussian());
            }
            return new Image(batch, img.format());
        }, b -> {
            ImageDataGenerator g = ImageDataGenerator.builder().dataFormat(b.format())
                    .featurewiseStdNormalization(true).build();
            g.fit(b.tensor());
            Tensor out = g.standardize(b.tensor());
            int[] s = b.tensor().shape();
            int channels = b.format() == DataFormat.CHANNELS_LAST ? s[3] : s[1];
            double[] sum = new double[channels];
            double[] sq = new double[channels];
            double[] count = new double[channels];
            for (int i = 0; i < out.size(); i++) {
                int c = b.format() == DataFormat.CHANNELS_LAST ? i % channels : (i / (s[2] * s[3])) % channels;
                sum[c] += out.data()[i];
                sq[c] += (double) out.data()[i] * out.data()[i];
                count[c]++;
            }
            for (int c = 0; c < channels; c++) {
                double mean = sum[c] / count[c];
                double std = Math.sqrt(sq[c] / count[c] - mean * mean);
                assertEquals(0, mean, 1e-3, "channel " + c + " mean");
                assertTrue(Math.abs(std - 1) < 1e-3 || std < 1e-3, "channel " + c + " std " + std);
            }
        });
    }

    @Test
    void seededTransformsAreIdenticalAcrossThreads() throws Exception {
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(30).widthShiftRange(0.2)
                .heightShiftRange(0.2).shearRange(10).zoomRange(0.2).horizontalFlip(true).channelShiftRange(20)
                .brightnessRange(0.5, 1.5).fillMode(FillMode.REFLECT).build();
        Tensor hwc = Tensor.zeros(24, 20, 3);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < hwc.size(); i++) {
            hwc.data()[i] = (float) random.nextDouble(0, 255);
        }
        List<Tensor> serial = new ArrayList<>();
        for (int seed = 0; seed < 32; seed++) {
            serial.add(g.randomTransform(hwc, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Tensor>> parallel = new ArrayList<>();
            for (int seed = 31; seed >= 0; seed--) {
                int s = seed;
                parallel.add(pool.submit(() -> g.randomTransform(hwc, s)));
            }
            for (int k = 0; k < 32; k++) {
                assertEquals(serial.get(31 - k), parallel.get(k).get(), "seed " + (31 - k));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
