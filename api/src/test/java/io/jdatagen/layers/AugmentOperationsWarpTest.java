package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AugmentOperations}' geometric operations, which warp into a reused buffer and copy the result back
 * into the image, give bit for bit what {@link StepPipeline#transformImage} gave them before (a new image per
 * warp), on the scalar, simd and reference backends, in both layouts and both interpolations, for images with
 * NaN, infinities and negative zeros, one size after another.
 */
class AugmentOperationsWarpTest {
    private static final List<String> GEOMETRIC = List.of("random_shear", "random_translation", "random_rotation");

    /** The previous path: a one-step pipeline's {@code transformImage}, which returns a new image. */
    private static float[] previous(AugmentOperations ops, String name, Object params, float[] x, ImageShape shape,
            Backend backend) {
        KerasLayer layer = ops.layer(name);
        StepPipeline warp = new StepPipeline(List.of(layer.step()), layer.resampling(), backend, shape.format(),
                null, null);
        return warp.transformImage(Tensor.of(x.clone(), shape.tensorShape()), null,
                warp.given(Map.of(layer.step(), params))).data();
    }

    private static float[] image(int n, SplittableRandom random) {
        float[] x = new float[n];
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 255f};
        for (int k = 0; k < n; k++) {
            x[k] = random.nextInt(40) == 0 ? specials[random.nextInt(specials.length)]
                    : random.nextBoolean() ? random.nextInt(256) : (float) (255 * random.nextDouble());
        }
        return x;
    }

    @Test
    void warpsIntoTheImageEqualTheNewImagePerWarp() {
        SplittableRandom random = new SplittableRandom(41);
        int[][] sizes = {{9, 7, 3}, {16, 16, 3}, {5, 11, 1}, {224, 224, 3}, {9, 7, 3}};
        for (String backendName : List.of("scalar", "simd", "reference")) {
            Backend backend = Backends.named(backendName);
            for (String interpolation : List.of("bilinear", "nearest")) {
                AugmentOperations ops = new AugmentOperations(List.of(0.0, 0.5), List.of(0, 255), interpolation, null,
                        backend);
                for (int[] hwc : sizes) {
                    for (DataFormat format : DataFormat.values()) {
                        ImageShape shape = new ImageShape(hwc[0], hwc[1], hwc[2], format);
                        for (String name : GEOMETRIC) {
                            float[] x = image(hwc[0] * hwc[1] * hwc[2], random);
                            Object params = ops.draw(name, shape, random);
                            float[] expected = previous(ops, name, params, x, shape, backend);
                            Tensor in = Tensor.of(x.clone(), shape.tensorShape());
                            Tensor out = ops.apply(name, params, in, shape, SampleContext.NONE);
                            assertSame(in, out, "written back into the image");
                            assertArrayEquals(expected, out.data(),
                                    backendName + " " + interpolation + " " + shape + " " + name);
                        }
                    }
                }
            }
        }
    }
}
