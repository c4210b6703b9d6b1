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
 * warp), on the scalar, simd and reference backends, in both layouts and both interpolations, for images of
 * whole numbers in 0..255 (several draws each; simd reads those through its packed 8-bit path), images that
 * must not take that path (a 256, a {@code -0}, a fraction) and images with NaN, infinities and negative
 * zeros, one size after another.
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

    /**
     * An image of kind {@code kind}: 0 whole numbers in 0..255 (simd's warp reads them packed to bytes), 1 the
     * same with one 256, 2 with one {@code -0}, 3 with one fraction (those three read as float32), 4 a mix of
     * fractions, NaN, infinities and negative zeros.
     */
    private static float[] image(int n, int kind, SplittableRandom random) {
        float[] x = new float[n];
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 255f};
        for (int k = 0; k < n; k++) {
            x[k] = kind < 4 ? random.nextInt(256) : random.nextInt(40) == 0 ? specials[random.nextInt(specials.length)]
                    : random.nextBoolean() ? random.nextInt(256) : (float) (255 * random.nextDouble());
        }
        int at = random.nextInt(n);
        switch (kind) {
            case 1 -> x[at] = 256f;
            case 2 -> x[at] = -0f;
            case 3 -> x[at] = 17.5f;
            default -> {
            }
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
                            for (int kind = 0; kind < 5; kind++) {
                                float[] x = image(hwc[0] * hwc[1] * hwc[2], kind, random);
                                for (int draw = 0; draw < (kind == 0 ? 4 : 1); draw++) {
                                    Object params = ops.draw(name, shape, random);
                                    float[] expected = previous(ops, name, params, x, shape, backend);
                                    Tensor in = Tensor.of(x.clone(), shape.tensorShape());
                                    Tensor out = ops.apply(name, params, in, shape, SampleContext.NONE);
                                    assertSame(in, out, "written back into the image");
                                    assertArrayEquals(expected, out.data(), backendName + " " + interpolation + " "
                                            + shape + " " + name + " kind " + kind);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
