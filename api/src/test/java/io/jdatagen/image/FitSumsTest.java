package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Statistics gathered in parts and merged equal single-node {@code fit} on the same images. */
class FitSumsTest {
    private static Tensor images(int n, int[] image, long seed) {
        Tensor t = Tensor.zeros(n, image[0], image[1], image[2]);
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) Math.floor(r.nextDouble(0, 256));
        }
        return t;
    }

    private static Tensor rows(Tensor t, int from, int to) {
        int item = t.itemSize();
        int[] shape = t.shape();
        shape[0] = to - from;
        return Tensor.of(java.util.Arrays.copyOfRange(t.data(), from * item, to * item), shape);
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return;
        }
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tolerance * Math.max(1, scale), what + " [" + k + "]");
        }
    }

    @Test
    void partsMergedInAnyOrderEqualSingleNodeFit() throws Exception {
        for (String format : new String[] {"channels_last", "channels_first"}) {
            for (boolean zca : new boolean[] {false, true}) {
                check(format, zca);
            }
        }
    }

    private static void check(String format, boolean zca) throws Exception {
        {
            int[] image = format.equals("channels_last") ? new int[] {4, 5, 3} : new int[] {3, 4, 5};
            Tensor x = images(150, image, 7);
            ImageDataGenerator single = ImageDataGenerator.builder().featurewiseCenter(true)
                    .featurewiseStdNormalization(!zca).zcaWhitening(zca).rescale(1 / 255.0).dataFormat(format)
                    .build();
            single.fit(x);
            FeaturewiseStatistics expected = single.statistics();

            ImageDataGenerator gen = single.toBuilder().build();
            FitSums a = FitSums.of(gen).add(rows(x, 0, 70));
            FitSums b = FitSums.of(gen);
            for (int i = 70; i < 100; i++) {
                b.add(x.item(i));
            }
            FitSums c = FitSums.of(gen).add(rows(x, 100, 150));
            FitSums merged = roundTrip(c).merge(roundTrip(a)).merge(FitSums.of(gen)).merge(b);
            assertEquals(150, merged.count());
            FeaturewiseStatistics actual = merged.statistics();
            assertClose(expected.mean(), actual.mean(), 1e-6, format + " mean");
            assertClose(expected.std(), actual.std(), 1e-6, format + " std");
            assertEquals(expected.zcaDimension(), actual.zcaDimension());
            assertClose(expected.zcaWhitening(), actual.zcaWhitening(), 1e-4, format + " zca");
            gen.setStatistics(actual);
            float[] standardized = gen.standardize(x.item(3)).data();
            float[] reference = single.standardize(x.item(3)).data();
            for (int k = 0; k < reference.length; k++) {
                assertEquals(reference[k], standardized[k], 1e-3 * Math.max(1, Math.abs(reference[k])), "pixel " + k);
            }
        }
    }

    @Test
    void centerOnlyNeedsNoGramMatrixAndAnyImageSize() {
        ImageDataGenerator gen = ImageDataGenerator.builder().featurewiseCenter(true).build();
        Tensor x = images(3, new int[] {80, 90, 3}, 2);
        gen.fit(x);
        FeaturewiseStatistics stats = FitSums.of(gen).add(rows(x, 0, 1)).merge(FitSums.of(gen).add(rows(x, 1, 3)))
                .statistics();
        assertClose(gen.statistics().mean(), stats.mean(), 1e-6, "mean");
        assertNull(stats.std());
    }

    @Test
    void refusesWhatItCannotGather() {
        ImageDataGenerator zca = ImageDataGenerator.builder().zcaWhitening(true).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitSums.of(zca).add(Tensor.zeros(1, 40, 40, 3)))
                .getMessage().contains("at most 4096 values"));
        FitSums few = FitSums.of(zca).add(Tensor.zeros(5, 4, 4, 3));
        assertTrue(assertThrows(IllegalStateException.class, few::statistics).getMessage()
                .contains("more images than values per image: 5 images of 48 values"));
        FitSums shaped = FitSums.of(zca).add(Tensor.zeros(2, 4, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> shaped.add(Tensor.zeros(4, 5, 3)));
        assertThrows(IllegalStateException.class, () -> FitSums.of(zca).statistics());
    }

    private static FitSums roundTrip(FitSums sums) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sums);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FitSums) in.readObject();
        }
    }
}
