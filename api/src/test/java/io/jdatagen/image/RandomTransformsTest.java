package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The RFC-shaped transforms: a batch gives the same pixels as its images one by one, in both layouts. */
class RandomTransformsTest {
    private static Tensor batch(DataFormat format) {
        int[] image = format.imageShape(6, 9, 3);
        Tensor t = Tensor.zeros(4, image[0], image[1], image[2]);
        SplittableRandom r = new SplittableRandom(2);
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) r.nextDouble(0, 255);
        }
        return t;
    }

    @Test
    void aBatchEqualsItsImagesOneByOne() {
        for (DataFormat format : DataFormat.values()) {
            List<BiFunction<Tensor, RandomGenerator, Tensor>> transforms = List.of(
                    (x, r) -> RandomTransforms.randomRotation(x, Amplitude.of(40), format, FillMode.REFLECT, 0, r),
                    (x, r) -> RandomTransforms.randomShift(x, Amplitude.of(0.2), Amplitude.of(-0.1, 0.3), format,
                            FillMode.CONSTANT, 7.5, r),
                    (x, r) -> RandomTransforms.randomShear(x, Amplitude.of(20), format, FillMode.WRAP, 0, r),
                    (x, r) -> RandomTransforms.randomZoom(x, Amplitude.of(0.7, 1.3), format, FillMode.NEAREST, 0, r),
                    (x, r) -> RandomTransforms.randomChannelShift(x, Amplitude.of(30), format, r));
            Tensor x = batch(format);
            for (int t = 0; t < transforms.size(); t++) {
                Tensor whole = transforms.get(t).apply(x, RandomKeys.forSample(9, 0, t));
                RandomGenerator one = RandomKeys.forSample(9, 0, t);
                for (int i = 0; i < x.dim(0); i++) {
                    Tensor image = transforms.get(t).apply(x.item(i), one);
                    assertArrayEquals(image.data(), whole.item(i).data(), format + " transform " + t + " image " + i);
                }
                assertFalse(Arrays.equals(x.data(), whole.data()), "transform " + t + " changed the batch");
            }
        }
        Tensor rgb = batch(DataFormat.CHANNELS_LAST);
        Tensor brighter = RandomTransforms.randomBrightness(rgb, Amplitude.of(1.5, 1.5), new SplittableRandom(1));
        assertEquals(4, brighter.dim(0));
    }

    @Test
    void theFillValueFillsAndAmplitudesAreChecked() {
        Tensor ones = Tensor.zeros(5, 5, 1);
        Arrays.fill(ones.data(), 1f);
        Tensor shifted = RandomTransforms.randomShift(ones, Amplitude.of(0, 0), Amplitude.of(0.4, 0.4),
                DataFormat.CHANNELS_LAST, FillMode.CONSTANT, -3, new SplittableRandom(1));
        assertTrue(Arrays.toString(shifted.data()).contains("-3.0"), "fill_value where the image moved out");
        assertThrows(IllegalArgumentException.class, () -> Amplitude.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Amplitude.of(2, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomTransforms.randomShear(Tensor.zeros(3, 3),
                Amplitude.of(1), DataFormat.CHANNELS_LAST, FillMode.NEAREST, 0, new SplittableRandom(1)));
    }
}
