package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The geometric layers chained in one pipeline (one warp) give what they give one after another, where every
 * map sends pixel centres to pixel centres (flips, whole-pixel shifts, crops: both ways copy values exactly).
 * This checks that each layer's geometry is stated on the image it receives, so the chain composes in order.
 */
class GeometricFusionTest {
    @Test
    void chainedLayersInOneWarpEqualLayerByLayer() {
        RandomFlip flip = new RandomFlip("horizontal", null, null);
        RandomTranslation shift = new RandomTranslation(new double[] {0.3}, new double[] {0.3}, "constant", "nearest",
                null, 37.0, null);
        CenterCrop crop = new CenterCrop(5, 6);
        RandomCrop randomCrop = new RandomCrop(4, 4, null);
        Map<io.jdatagen.augment.Step, Object> params = Map.of(flip, RandomFlip.given(true), shift,
                RandomTranslation.given(2, -1), crop, Boolean.TRUE, randomCrop, RandomCrop.given(1, 2));
        Tensor image = GeometricGolden.input("int");
        for (Backend b : GeometricGolden.BACKENDS) {
            Tensor x = image;
            for (KerasLayer l : List.<KerasLayer>of(flip, shift, crop, randomCrop)) {
                x = GeometricGolden.apply(l.step(), params.get(l.step()), l.resampling(), b, x);
            }
            StepPipeline fused = new StepPipeline(List.of(flip, shift, crop, randomCrop), shift.resampling(), b,
                    DataFormat.CHANNELS_LAST, null, null);
            Tensor y = fused.transformImage(image, null, fused.given(params));
            assertArrayEquals(x.shape(), y.shape(), b.name());
            assertArrayEquals(x.data(), y.data(), b.name());
        }
    }
}
